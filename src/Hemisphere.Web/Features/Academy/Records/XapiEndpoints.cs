using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hemisphere.Platform.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Hemisphere.Features.Academy.Records;

/// <summary>
/// The xAPI 1.0.3 resources under /xapi/: one dispatcher so that the specification's rules apply to every
/// request alike — the alternate request syntax (POST with ?method=), the version header, HTTP Basic
/// credentials of a client application and its scopes, parameters the resource does not know (400).
/// </summary>
public static partial class XapiEndpoints
{
    public const string Version = "1.0.3";
    public static readonly string[] Versions = ["1.0.3", "1.0.2", "1.0.1", "1.0.0"];
    private static readonly string[] FormHeaders = ["Authorization", "X-Experience-API-Version", "Content-Type", "Content-Length", "If-Match", "If-None-Match"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The largest request the LRS reads (statements with their attachment parts, a document, a form): larger ones get 413.</summary>
    public const long MaxRequestBytes = 16 * 1024 * 1024;

    /// <summary>The response headers a cross-origin script may read (CORS): the concurrency and consistency headers of xAPI.</summary>
    public const string ExposedHeaders = "ETag, Last-Modified, X-Experience-API-Version, X-Experience-API-Consistent-Through, Content-Type, Content-Length, Location, WWW-Authenticate";

    /// <summary>The request headers a cross-origin script may send (answered to CORS preflights).</summary>
    public const string AllowedHeaders = "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match, Accept-Language, X-Requested-With";

    public static async Task HandleAsync(HttpContext http)
    {
        var response = http.Response;
        response.Headers["X-Experience-API-Version"] = Version;
        response.Headers.CacheControl = "no-store";
        if (Cors(http)) return;
        // HEAD answers as GET without the body (xAPI Part Three 1.1).
        if (HttpMethods.IsHead(http.Request.Method)) response.Body = Stream.Null;
        var statementsResource = ((string?)http.Request.RouteValues["path"] ?? "").Trim('/') == "statements";
        // On every answer of the Statement resource, errors included (xAPI Part Three 2.1.3).
        if (statementsResource) response.Headers["X-Experience-API-Consistent-Through"] = StatementService.Format(DateTimeOffset.UtcNow);
        try
        {
            if (http.Request.ContentLength > MaxRequestBytes) throw TooLarge();
            await AlternateSyntaxAsync(http);
            var path = ((string?)http.Request.RouteValues["path"] ?? "").Trim('/');
            if (path == "about")
            {
                if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)) throw new XapiException(405, "The About resource answers GET only.");
                await response.WriteAsJsonAsync(new { version = Versions, extensions = new { } });
                return;
            }
            var version = http.Request.Headers["X-Experience-API-Version"].ToString();
            if (string.IsNullOrEmpty(version)) throw XapiException.Bad("The X-Experience-API-Version header is required.");
            if (!VersionHeader().IsMatch(version)) throw XapiException.Bad($"X-Experience-API-Version {version} is not supported; this LRS speaks 1.0.3 (1.0.x).");
            // An unknown resource or a method a resource does not have is answered before the credentials (the suite sends none).
            string[] methods = path switch
            {
                "statements" => ["GET", "HEAD", "PUT", "POST"],
                "activities/state" or "activities/profile" or "agents/profile" => ["GET", "HEAD", "PUT", "POST", "DELETE"],
                "activities" or "agents" => ["GET", "HEAD"],
                _ => throw new XapiException(404, $"There is no xAPI resource at /xapi/{path}."),
            };
            if (!methods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
            {
                response.Headers.Allow = string.Join(", ", methods);
                throw new XapiException(405, $"/xapi/{path} answers {string.Join(", ", methods)}.");
            }
            var baseUrl = AccountApi.BaseUrl(http);
            var clients = http.RequestServices.GetRequiredService<XapiClientService>();
            var caller = await clients.AuthenticateAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, baseUrl, http.RequestAborted);
            if (caller is null)
            {
                response.Headers.WWWAuthenticate = "Basic realm=\"xAPI\"";
                throw new XapiException(401, "Credentials of an LRS client application are required (HTTP Basic: key and secret).");
            }
            switch (path)
            {
                case "statements": await StatementsAsync(http, caller); break;
                case "activities/state": await DocumentsAsync(http, caller, XapiDocumentKind.State); break;
                case "activities/profile": await DocumentsAsync(http, caller, XapiDocumentKind.ActivityProfile); break;
                case "agents/profile": await DocumentsAsync(http, caller, XapiDocumentKind.AgentProfile); break;
                case "activities": await ActivityAsync(http, caller); break;
                case "agents": await AgentAsync(http, caller); break;
                default: throw new XapiException(404, $"There is no xAPI resource at /xapi/{path}.");
            }
        }
        catch (Exception e) when (!response.HasStarted && Problem(e) is { } problem)
        {
            response.StatusCode = problem.Status;
            response.ContentType = "application/problem+json";
            await response.WriteAsync(JsonSerializer.Serialize(new { type = "about:blank", title = ReasonPhrases.GetReasonPhrase(problem.Status), status = problem.Status, detail = problem.Message }, Json));
        }
    }

    /// <summary>The client's mistakes as the xAPI error they are: a request body too large for the server (Kestrel's own limit) or for a form is 413.</summary>
    private static XapiException? Problem(Exception e) => e switch
    {
        XapiException x => x,
        BadHttpRequestException b => new XapiException(b.StatusCode, b.Message),
        // The form and multipart readers: past a length limit, too large; otherwise a malformed body.
        InvalidDataException d when d.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => new XapiException(413, "The request is too large: " + d.Message),
        InvalidDataException or IOException => new XapiException(400, "The request body is malformed: " + e.Message),
        _ => null,
    };

    private static XapiException TooLarge() => new(413, $"The request is larger than this LRS accepts ({MaxRequestBytes / (1024 * 1024)} MB).");

    /// <summary>
    /// CORS for e-learning packages served from another origin (they report with XMLHttpRequest or fetch and HTTP Basic
    /// credentials): the caller's origin is echoed, credentials allowed (the LRS reads no cookie: only the Authorization
    /// header authenticates), the xAPI headers exposed. Answers preflights itself (true: the request is done).
    /// </summary>
    private static bool Cors(HttpContext http)
    {
        var request = http.Request;
        var headers = http.Response.Headers;
        headers.Vary = "Origin";
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin)) return false;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowCredentials = "true";
        headers.AccessControlExposeHeaders = ExposedHeaders;
        if (!HttpMethods.IsOptions(request.Method) || string.IsNullOrEmpty(request.Headers.AccessControlRequestMethod)) return false;
        headers.AccessControlAllowMethods = "GET, HEAD, PUT, POST, DELETE, OPTIONS";
        headers.AccessControlAllowHeaders = AllowedHeaders;
        headers.AccessControlMaxAge = "86400";
        http.Response.StatusCode = 204;
        return true;
    }

    /// <summary>
    /// The alternate request syntax (xAPI Part Three §1.3): a POST with only ?method=X and a form body carrying the
    /// headers, the content and the parameters becomes the request it stands for.
    /// </summary>
    private static async Task AlternateSyntaxAsync(HttpContext http)
    {
        var request = http.Request;
        if (!request.Query.TryGetValue("method", out var method)) return;
        if (!HttpMethods.IsPost(request.Method)) throw XapiException.Bad("The method parameter is only allowed on POST (the alternate request syntax).");
        if (request.Query.Count != 1) throw XapiException.Bad("With the alternate request syntax, 'method' must be the only query parameter.");
        var verb = method.ToString().ToUpperInvariant();
        if (verb is not ("GET" or "PUT" or "POST" or "DELETE" or "HEAD")) throw XapiException.Bad($"method={method} is not an HTTP method the LRS knows.");
        if (!request.HasFormContentType || !(request.ContentType ?? "").StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            throw XapiException.Bad("The alternate request syntax needs an application/x-www-form-urlencoded body.");
        var form = await request.ReadFormAsync(new FormOptions { ValueLengthLimit = (int)MaxRequestBytes, KeyLengthLimit = (int)MaxRequestBytes, ValueCountLimit = 1024 }, http.RequestAborted);
        var query = new Dictionary<string, StringValues>();
        string content = "";
        foreach (var (k, v) in form)
        {
            if (FormHeaders.FirstOrDefault(h => string.Equals(h, k, StringComparison.OrdinalIgnoreCase)) is { } header) request.Headers[header] = v;
            else if (k == "content") content = v.ToString();
            else query[k] = v;
        }
        request.Method = verb;
        request.QueryString = QueryString.Create(query);
        request.Query = new QueryCollection(query);
        var bytes = Encoding.UTF8.GetBytes(content);
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
        if (!form.ContainsKey("Content-Type")) request.ContentType = bytes.Length > 0 ? "application/json" : null;
    }

    private static void Allow(HttpContext http, params string[] known)
    {
        foreach (var (k, _) in http.Request.Query)
            if (!known.Contains(k, StringComparer.Ordinal)) throw XapiException.Bad($"The parameter '{k}' is not one this resource knows.");
    }

    private static string? Param(HttpContext http, string name) =>
        http.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null;

    private static bool Flag(HttpContext http, string name) => Param(http, name) switch
    {
        null => false,
        "true" => true,
        "false" => false,
        var v => throw XapiException.Bad($"{name} must be true or false, not '{v}'."),
    };

    private static DateTimeOffset? Time(HttpContext http, string name) =>
        Param(http, name) is { } v ? XapiValidator.ParseTimestamp(v) ?? throw XapiException.Bad($"{name} must be an ISO 8601 timestamp.") : null;

    private static Guid? Uuid(HttpContext http, string name) =>
        Param(http, name) is { } v ? XapiValidator.IsUuid(v) ? Guid.Parse(v) : throw XapiException.Bad($"{name} must be a UUID.") : null;

    private static string Iri(HttpContext http, string name) =>
        Param(http, name) is { } v && XapiValidator.IsIri(v) ? v : throw XapiException.Bad($"The '{name}' parameter must be an IRI.");

    private static Task<byte[]> BodyAsync(HttpContext http) => ReadAllAsync(http.Request.Body, http.RequestAborted);

    /// <summary>Reads a body (or a part of one) whole, answering 413 past <see cref="MaxRequestBytes"/> even when no Content-Length announced it.</summary>
    private static async Task<byte[]> ReadAllAsync(Stream s, CancellationToken ct)
    {
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await s.ReadAsync(buffer, ct)) > 0)
        {
            if (ms.Length + n > MaxRequestBytes) throw TooLarge();
            ms.Write(buffer, 0, n);
        }
        return ms.ToArray();
    }

    // ---- Statements ----

    private static async Task StatementsAsync(HttpContext http, XapiCaller caller)
    {
        var statements = http.RequestServices.GetRequiredService<StatementService>();
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPost(request.Method))
            throw new XapiException(405, "The Statement resource answers GET, HEAD, PUT and POST.");
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            if (!caller.Has("all/read", "statements/read", "statements/read/mine")) throw new XapiException(403, "This client may not read statements.");
            Guid? mine = caller.Has("all/read", "statements/read") ? null : caller.ClientId ?? Guid.Empty;
            await GetStatementsAsync(http, statements, mine);
            return;
        }
        if (!caller.Has("statements/write")) throw new XapiException(403, "This client may not write statements.");
        var (nodes, parts) = await ReadStatementsAsync(http);
        if (HttpMethods.IsPut(request.Method))
        {
            Allow(http, "statementId");
            var id = Uuid(http, "statementId") ?? throw XapiException.Bad("PUT needs the statementId parameter.");
            if (nodes is not JsonObject) throw XapiException.Bad("PUT takes one statement (a JSON object).");
            await statements.StoreAsync(caller, [nodes], parts, id, http.RequestAborted);
            http.Response.StatusCode = 204;
            return;
        }
        if (HttpMethods.IsPost(request.Method))
        {
            Allow(http);
            var list = nodes is JsonArray array ? array.ToList() : [nodes];
            var ids = await statements.StoreAsync(caller, list, parts, null, http.RequestAborted);
            await http.Response.WriteAsJsonAsync(ids.Select(i => i.ToString()).ToArray());
            return;
        }
        throw new XapiException(405, "The Statement resource answers GET, PUT and POST.");
    }

    private static async Task<(JsonNode? Nodes, List<AttachmentPart> Parts)> ReadStatementsAsync(HttpContext http)
    {
        var request = http.Request;
        var parts = new List<AttachmentPart>();
        byte[] json;
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
            if (string.IsNullOrEmpty(boundary)) throw XapiException.Bad("multipart/mixed needs a boundary.");
            var reader = new MultipartReader(boundary, request.Body);
            var first = await reader.ReadNextSectionAsync(http.RequestAborted) ?? throw XapiException.Bad("The multipart request has no part.");
            if (!(first.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                throw XapiException.Bad("The first part of a multipart request must be the statements, as application/json.");
            json = await ReadAllAsync(first.Body, http.RequestAborted);
            long total = json.Length;
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                var hash = section.Headers?.TryGetValue("X-Experience-API-Hash", out var h) == true ? h.ToString() : null;
                if (string.IsNullOrEmpty(hash)) throw XapiException.Bad("Every attachment part needs an X-Experience-API-Hash header.");
                if (section.Headers?.TryGetValue("Content-Transfer-Encoding", out var enc) == true && !enc.ToString().Equals("binary", StringComparison.OrdinalIgnoreCase))
                    throw XapiException.Bad("Attachment parts must use Content-Transfer-Encoding: binary.");
                var bytes = await ReadAllAsync(section.Body, http.RequestAborted);
                if ((total += bytes.Length) > MaxRequestBytes) throw TooLarge();
                var actual = hash.Length switch
                {
                    64 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
                    96 => Convert.ToHexStringLower(System.Security.Cryptography.SHA384.HashData(bytes)),
                    128 => Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(bytes)),
                    _ => throw XapiException.Bad("X-Experience-API-Hash must be a SHA-256, SHA-384 or SHA-512 in hexadecimal."),
                };
                if (!actual.Equals(hash, StringComparison.OrdinalIgnoreCase)) throw XapiException.Bad($"The attachment part's content does not match its hash {hash}.");
                parts.Add(new AttachmentPart(hash.ToLowerInvariant(), section.ContentType ?? "application/octet-stream", bytes));
            }
        }
        else
        {
            if (type is not null && !type.MediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                throw XapiException.Bad("Statements are sent as application/json or multipart/mixed.");
            json = await BodyAsync(http);
        }
        try
        {
            var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
            if (node is not (JsonObject or JsonArray)) throw XapiException.Bad("The body must be a statement or an array of statements.");
            return (node, parts);
        }
        catch (JsonException e)
        {
            throw XapiException.Bad("The body is not valid JSON: " + e.Message);
        }
    }


    private static readonly string[] QueryParams = ["agent", "verb", "activity", "registration", "related_activities", "related_agents", "since", "until", "limit", "format", "attachments", "ascending"];

    private static async Task GetStatementsAsync(HttpContext http, StatementService statements, Guid? mine)
    {
        var response = http.Response;
        var ct = http.RequestAborted;
        Allow(http, [.. QueryParams, "statementId", "voidedStatementId", "more"]);
        var languages = XapiLanguages.Parse(http.Request.Headers.AcceptLanguage.ToString());
        var format = Param(http, "format") ?? "exact";
        if (format is not ("exact" or "ids" or "canonical")) throw XapiException.Bad("format must be exact, ids or canonical.");
        var attachments = Flag(http, "attachments");
        var single = Param(http, "statementId");
        var voided = Param(http, "voidedStatementId");
        if (single is not null || voided is not null)
        {
            if (single is not null && voided is not null) throw XapiException.Bad("Send statementId or voidedStatementId, not both.");
            foreach (var (k, _) in http.Request.Query)
                if (k is not ("statementId" or "voidedStatementId" or "format" or "attachments"))
                    throw XapiException.Bad($"'{k}' cannot be combined with statementId or voidedStatementId.");
            var id = Uuid(http, single is not null ? "statementId" : "voidedStatementId")!.Value;
            var row = await statements.GetAsync(id, voided is not null, mine, ct) ?? throw new XapiException(404, "No such statement.");
            response.Headers.LastModified = row.Stored.ToString("R", CultureInfo.InvariantCulture);
            await WriteAsync(http, statements, [row], StatementService.Render(row, format, languages), attachments);
            return;
        }
        StatementQuery query;
        if (Param(http, "more") is { } more)
        {
            if (http.Request.Query.Count != 1) throw XapiException.Bad("'more' cannot be combined with other parameters.");
            query = ReadToken(more);
        }
        else
        {
            var limit = Param(http, "limit") is { } l ? int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw XapiException.Bad("limit must be a non-negative integer.") : 0;
            var verb = Param(http, "verb");
            if (verb is not null && !XapiValidator.IsIri(verb)) throw XapiException.Bad("verb must be an IRI.");
            var activity = Param(http, "activity");
            if (activity is not null && !XapiValidator.IsIri(activity)) throw XapiException.Bad("activity must be an IRI.");
            var filter = Param(http, "agent") is { } agent ? XapiAgents.ParseFilter(agent, "agent") : default((string Key, bool Group)?);
            query = new StatementQuery
            {
                AgentKey = filter?.Key,
                AgentIsGroup = filter?.Group ?? false,
                Verb = verb,
                Activity = activity,
                Registration = Uuid(http, "registration"),
                RelatedActivities = Flag(http, "related_activities"),
                RelatedAgents = Flag(http, "related_agents"),
                Since = Time(http, "since"),
                Until = Time(http, "until"),
                Limit = limit,
                Format = format,
                Attachments = attachments,
                Ascending = Flag(http, "ascending"),
            };
        }
        query = query with { MineOf = mine };
        var page = await statements.QueryAsync(query, ct);
        var sb = new StringBuilder("{\"statements\":[");
        for (var i = 0; i < page.Statements.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(StatementService.Render(page.Statements[i], query.Format, languages));
        }
        sb.Append("],\"more\":");
        var next = page.HasMore ? http.Request.PathBase + "/xapi/statements?more=" + WriteToken(query with { After = page.Last, MineOf = null }) : "";
        sb.Append(JsonSerializer.Serialize(next)).Append('}');
        if (page.Statements.Count > 0) response.Headers.LastModified = page.Statements.Max(s => s.Stored).ToString("R", CultureInfo.InvariantCulture);
        await WriteAsync(http, statements, page.Statements, sb.ToString(), query.Attachments);
    }

    private static string WriteToken(StatementQuery q) =>
        WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(q, Json));

    private static StatementQuery ReadToken(string token)
    {
        try { return JsonSerializer.Deserialize<StatementQuery>(WebEncoders.Base64UrlDecode(token), Json) ?? throw new FormatException(); }
        catch (Exception e) when (e is FormatException or JsonException) { throw XapiException.Bad("The 'more' token is not one this LRS issued."); }
    }

    private static async Task WriteAsync(HttpContext http, StatementService statements, IReadOnlyList<XapiStatement> rows, string json, bool attachments)
    {
        var response = http.Response;
        if (!attachments)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(json, http.RequestAborted);
            return;
        }
        var files = await statements.AttachmentsAsync(rows, http.RequestAborted);
        var boundary = "xapi-" + Guid.NewGuid().ToString("N");
        response.ContentType = $"multipart/mixed; boundary={boundary}";
        using var body = new MemoryStream();
        void Text(string s) => body.Write(Encoding.UTF8.GetBytes(s));
        Text($"--{boundary}\r\nContent-Type: application/json\r\n\r\n{json}\r\n");
        foreach (var f in files)
        {
            Text($"--{boundary}\r\nContent-Type: {f.ContentType}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: {f.Sha2}\r\n\r\n");
            body.Write(f.Content);
            Text("\r\n");
        }
        Text($"--{boundary}--\r\n");
        response.ContentLength = body.Length;
        body.Position = 0;
        await body.CopyToAsync(response.Body, http.RequestAborted);
    }

    // ---- Documents ----

    private static async Task DocumentsAsync(HttpContext http, XapiCaller caller, XapiDocumentKind kind)
    {
        var request = http.Request;
        var method = request.Method;
        var reading = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        var scope = kind == XapiDocumentKind.State ? "state" : "profile";
        if (!(caller.Has(scope) || (reading && caller.Has("all/read")))) throw new XapiException(403, $"This client may not {(reading ? "read" : "write")} {scope} documents.");
        var idName = kind == XapiDocumentKind.State ? "stateId" : "profileId";
        string[] known = kind switch
        {
            XapiDocumentKind.State => ["activityId", "agent", "registration", "stateId", "since"],
            XapiDocumentKind.ActivityProfile => ["activityId", "profileId", "since"],
            _ => ["agent", "profileId", "since"],
        };
        Allow(http, known);
        var where = new DocumentScope(kind,
            kind == XapiDocumentKind.AgentProfile ? null : Iri(http, "activityId"),
            kind == XapiDocumentKind.ActivityProfile ? null : XapiAgents.ParseParameter(Param(http, "agent"), "agent"),
            kind == XapiDocumentKind.State ? Uuid(http, "registration") : null);
        var id = Param(http, idName);
        var documents = http.RequestServices.GetRequiredService<DocumentService>();
        var pre = new DocumentPreconditions(request.Headers.IfMatch.ToString() is { Length: > 0 } m ? m : null, request.Headers.IfNoneMatch.ToString() is { Length: > 0 } n ? n : null);
        var ct = http.RequestAborted;
        var response = http.Response;
        if (reading)
        {
            var since = Time(http, "since");
            if (id is null)
            {
                var (ids, updated) = await documents.IdsAsync(where, since, ct);
                if (updated is { } last) response.Headers.LastModified = last.ToString("R", CultureInfo.InvariantCulture);
                await response.WriteAsJsonAsync(ids, ct);
                return;
            }
            // since only filters a list of ids; with an id it is validated and otherwise has no effect (as the conformance suite expects).
            var doc = await documents.GetAsync(where, id, ct) ?? throw new XapiException(404, "No such document.");
            response.Headers.ETag = DocumentService.ETag(doc);
            response.Headers.LastModified = doc.Updated.ToString("R", CultureInfo.InvariantCulture);
            response.ContentType = doc.ContentType;
            await response.Body.WriteAsync(doc.Content, ct);
            return;
        }
        if (Param(http, "since") is not null) throw XapiException.Bad("since applies to GET only.");
        if (HttpMethods.IsPut(method) || HttpMethods.IsPost(method))
        {
            if (string.IsNullOrEmpty(id)) throw XapiException.Bad($"The '{idName}' parameter is required.");
            var body = await BodyAsync(http);
            if (HttpMethods.IsPost(method) && body.Length == 0) throw XapiException.Bad("A POST to a document resource carries a document (a JSON object to merge); the body is empty.");
            var contentType = string.IsNullOrEmpty(request.ContentType) ? "application/octet-stream" : request.ContentType;
            var doc = await documents.WriteAsync(where, id, body, contentType, HttpMethods.IsPost(method), pre, ct);
            response.Headers.ETag = DocumentService.ETag(doc);
            response.StatusCode = 204;
            return;
        }
        if (HttpMethods.IsDelete(method))
        {
            if (id is null && kind != XapiDocumentKind.State) throw XapiException.Bad($"The '{idName}' parameter is required.");
            await documents.DeleteAsync(where, id, pre, ct);
            response.StatusCode = 204;
            return;
        }
        throw new XapiException(405, "Document resources answer GET, PUT, POST and DELETE.");
    }

    // ---- Activities and agents ----

    private static async Task ActivityAsync(HttpContext http, XapiCaller caller)
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)) throw new XapiException(405, "The Activities resource answers GET only.");
        if (!caller.Has("all/read", "profile", "define", "statements/read")) throw new XapiException(403, "This client may not read activities.");
        Allow(http, "activityId");
        var id = Iri(http, "activityId");
        var db = http.RequestServices.GetRequiredService<Platform.Data.HemisphereDb>();
        var row = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Set<XapiActivity>(), a => a.Id == id, http.RequestAborted);
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(row?.Json ?? new JsonObject { ["objectType"] = "Activity", ["id"] = id }.ToJsonString(), http.RequestAborted);
    }

    private static async Task AgentAsync(HttpContext http, XapiCaller caller)
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)) throw new XapiException(405, "The Agents resource answers GET only.");
        if (!caller.Has("all/read", "profile", "statements/read")) throw new XapiException(403, "This client may not read agents.");
        Allow(http, "agent");
        XapiAgents.ParseParameter(Param(http, "agent"), "agent");
        var agent = JsonNode.Parse(Param(http, "agent")!)!.AsObject();
        var person = new JsonObject { ["objectType"] = "Person" };
        if (agent["name"] is { } name) person["name"] = new JsonArray(name.DeepClone());
        foreach (var k in XapiAgents.Ifis)
            if (agent[k] is { } v) person[k] = new JsonArray(v.DeepClone());
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(person.ToJsonString(), http.RequestAborted);
    }

    [GeneratedRegex(@"^1\.0(\.\d+)?$")]
    private static partial Regex VersionHeader();
}
