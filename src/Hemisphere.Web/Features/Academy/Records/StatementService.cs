using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hemisphere.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Academy.Records;

/// <summary>An attachment part of a multipart/mixed request: its declared hash and its bytes.</summary>
public sealed record AttachmentPart(string Sha2, string ContentType, byte[] Content);

/// <summary>What a statement query asked for (parsed from the query string or from a "more" token).</summary>
public sealed record StatementQuery
{
    public string? AgentKey { get; init; }

    /// <summary>The agent filter is an identified Group: it matches the group itself, not the groups it is a member of.</summary>
    public bool AgentIsGroup { get; init; }
    public string? Verb { get; init; }
    public string? Activity { get; init; }
    public Guid? Registration { get; init; }
    public bool RelatedActivities { get; init; }
    public bool RelatedAgents { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public int Limit { get; init; }
    public string Format { get; init; } = "exact";
    public bool Attachments { get; init; }
    public bool Ascending { get; init; }
    public Guid? MineOf { get; init; }

    /// <summary>The page continues after this statement (in the query's order).</summary>
    public long? After { get; init; }
}

public sealed record StatementPage(IReadOnlyList<XapiStatement> Statements, bool HasMore, long? Last);

/// <summary>
/// Stores and finds xAPI statements: validation, the properties the LRS sets, voiding, attachments and signed
/// statements, and the queries of the Statement resource.
/// </summary>
public sealed class StatementService(HemisphereDb db, TimeProvider clock)
{
    public const int MaxPage = 500;
    public const int DefaultPage = 100;

    /// <summary>Stores statements (all or none) and answers their ids in order.</summary>
    public async Task<IReadOnlyList<Guid>> StoreAsync(XapiCaller caller, IReadOnlyList<JsonNode?> received, IReadOnlyList<AttachmentPart> parts, Guid? putId, CancellationToken ct)
    {
        if (received.Count == 0) throw XapiException.Bad("No statement was sent.");
        var validator = new XapiValidator();
        var now = clock.GetUtcNow();
        now = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var prepared = new List<(XapiStatement Row, JsonObject Json, List<XapiStatementRef> Refs)>();
        var ids = new HashSet<Guid>();
        var referenced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in received)
        {
            validator.Statement(node);
            var s = node!.AsObject();
            if (putId is { } pid)
            {
                if (s["id"] is { } given && Guid.Parse(given.GetValue<string>()) != pid)
                    throw XapiException.Bad("The statement's id differs from the statementId parameter.");
                if (s["id"] is null) s.Insert(0, "id", pid.ToString());
            }
            if (s["id"] is null) s.Insert(0, "id", Guid.NewGuid().ToString());
            // The id stays as sent (an LRS does not adjust statements); it is compared as a UUID.
            var id = Guid.Parse(s["id"]!.GetValue<string>());
            if (!ids.Add(id)) throw XapiException.Bad($"The statement id {id} appears twice in the request.");
            CheckAttachments(s, parts, referenced);
            var hash = XapiValidator.CanonicalHash(s);

            s.Remove("stored");
            s["stored"] = Format(now);
            if (s["timestamp"] is null) s["timestamp"] = Format(now);
            s["authority"] = caller.Authority.DeepClone();
            if (s["version"] is null) s["version"] = "1.0.0";
            var timestamp = XapiValidator.ParseTimestamp(s["timestamp"]!.GetValue<string>()) ?? now;
            var verb = s["verb"]!["id"]!.GetValue<string>();
            var obj = s["object"]!.AsObject();
            var objectType = obj["objectType"]?.GetValue<string>() ?? "Activity";
            var row = new XapiStatement
            {
                Id = id,
                VerbId = verb,
                ActorKey = XapiAgents.Key(s["actor"]!.AsObject()) ?? "anonymous",
                ActivityId = objectType == "Activity" ? obj["id"]!.GetValue<string>() : null,
                Registration = s["context"]?["registration"] is JsonValue r ? Guid.Parse(r.GetValue<string>()) : null,
                Stored = now,
                Timestamp = timestamp.ToUniversalTime(),
                VoidsId = verb == XapiValidator.VoidedVerb ? Guid.Parse(obj["id"]!.GetValue<string>()) : null,
                TargetId = objectType == "StatementRef" ? Guid.Parse(obj["id"]!.GetValue<string>()) : null,
                ClientId = caller.ClientId,
                ReceivedHash = hash,
            };
            prepared.Add((row, s, Refs(s, verb)));
        }
        foreach (var part in parts)
            if (!referenced.Contains(part.Sha2)) throw XapiException.Bad($"The attachment part {part.Sha2} belongs to no statement's attachments.");
        foreach (var (_, json, _) in prepared) VerifySignature(json, parts);

        return await db.InTransactionAsync(async token =>
        {
            var idList = ids.ToList();
            var existing = await db.Set<XapiStatement>().AsNoTracking().Where(x => idList.Contains(x.Id))
                .Select(x => new { x.Id, x.ReceivedHash }).ToDictionaryAsync(x => x.Id, x => x.ReceivedHash, token);
            foreach (var (row, _, _) in prepared)
                if (existing.TryGetValue(row.Id, out var h) && h != row.ReceivedHash)
                    throw new XapiException(409, $"A different statement with the id {row.Id} is already stored.");
            var fresh = prepared.Where(p => !existing.ContainsKey(p.Row.Id)).ToList();
            foreach (var (row, _, _) in fresh.Where(p => p.Row.VoidsId is not null))
            {
                var target = await db.Set<XapiStatement>().AsNoTracking().Where(x => x.Id == row.VoidsId).Select(x => new { x.VoidsId }).FirstOrDefaultAsync(token)
                    ?? (fresh.FirstOrDefault(p => p.Row.Id == row.VoidsId).Row is { } inBatch ? new { inBatch.VoidsId } : null);
                // A target the LRS does not have is no ground for refusal (xAPI Part Two 2.3.2: SHOULD NOT reject): it is
                // voided when it arrives.
                if (target is not null && target.VoidsId is not null) throw XapiException.Bad("A voiding statement cannot be voided.");
            }
            // Statements some stored statement already points to (a StatementRef may arrive before its target): they are stored
            // Targeted, and voided when the statement pointing to them voids them (a voiding statement never is voided).
            var freshIds = fresh.Select(p => (Guid?)p.Row.Id).ToList();
            var pointedTo = freshIds.Count == 0 ? [] : await db.Set<XapiStatement>().AsNoTracking()
                .Where(x => x.TargetId != null && freshIds.Contains(x.TargetId)).Select(x => new { Target = x.TargetId!.Value, Voids = x.VoidsId != null })
                .ToListAsync(token);
            foreach (var (row, json, _) in fresh)
            {
                row.Json = json.ToJsonString();
                row.Targeted = pointedTo.Any(x => x.Target == row.Id);
                row.Voided = row.VoidsId is null && pointedTo.Any(x => x.Target == row.Id && x.Voids);
                db.Add(row);
            }
            foreach (var part in parts)
                if (!await db.Set<XapiAttachment>().AnyAsync(a => a.Sha2 == part.Sha2, token))
                    db.Add(new XapiAttachment { Sha2 = part.Sha2, ContentType = part.ContentType, Content = part.Content });
            await StoreActivitiesAsync(fresh.Select(p => p.Json), token);
            await db.SaveChangesAsync(token);
            foreach (var (row, _, refs) in fresh)
                foreach (var r in refs)
                {
                    r.StatementSeq = row.Seq;
                    db.Add(r);
                }
            await db.SaveChangesAsync(token);
            var voided = fresh.Where(p => p.Row.VoidsId is not null).Select(p => p.Row.VoidsId!.Value).ToList();
            if (voided.Count > 0)
                await db.Set<XapiStatement>().Where(x => voided.Contains(x.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.Voided, true), token);
            // Targeted: the statements these ones point to, stored before or in this request. (A StatementRef and its target
            // stored at the same instant by two requests can miss each other's mark.)
            var targets = fresh.Where(p => p.Row.TargetId is not null).Select(p => p.Row.TargetId!.Value).Distinct().ToList();
            if (targets.Count > 0)
                await db.Set<XapiStatement>().Where(x => targets.Contains(x.Id) && !x.Targeted).ExecuteUpdateAsync(u => u.SetProperty(x => x.Targeted, true), token);
            return (IReadOnlyList<Guid>)prepared.Select(p => p.Row.Id).ToList();
        }, ct);
    }

    public static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The activities' canonical definitions: the last one stored wins. One upsert for the whole request (INSERT … ON CONFLICT,
    /// which SQLite and PostgreSQL both speak), in the order of the ids, so that two requests storing the same new activity at once
    /// neither fail on the key nor lock in opposite orders.
    /// </summary>
    private async Task StoreActivitiesAsync(IEnumerable<JsonObject> statements, CancellationToken ct)
    {
        var definitions = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var s in statements)
            foreach (var a in Activities(s))
                if (a["definition"] is JsonObject d) definitions[a["id"]!.GetValue<string>()] = d;
        if (definitions.Count == 0) return;
        var values = new List<object>(definitions.Count * 2);
        var rows = new List<string>(definitions.Count);
        foreach (var (id, definition) in definitions)
        {
            rows.Add($"({{{values.Count}}}, {{{values.Count + 1}}})");
            values.Add(id);
            values.Add(new JsonObject { ["objectType"] = "Activity", ["id"] = id, ["definition"] = definition.DeepClone() }.ToJsonString());
        }
        // Only placeholders ({0}, {1}, …) are put into the text; the ids and definitions go as parameters.
        var sql = "INSERT INTO \"XapiActivities\" (\"Id\", \"Json\") VALUES " + string.Join(", ", rows)
            + " ON CONFLICT (\"Id\") DO UPDATE SET \"Json\" = excluded.\"Json\"";
        await db.Database.ExecuteSqlRawAsync(sql, values, ct);
    }

    private static IEnumerable<JsonObject> Activities(JsonObject s)
    {
        if (s["object"] is JsonObject o)
        {
            var type = o["objectType"]?.GetValue<string>() ?? "Activity";
            if (type == "Activity") yield return o;
            if (type == "SubStatement") foreach (var a in Activities(o)) yield return a;
        }
        if (s["context"]?["contextActivities"] is JsonObject ca)
            foreach (var (_, v) in ca)
                if (v is JsonArray list) foreach (var item in list.OfType<JsonObject>()) yield return item;
                else if (v is JsonObject one) yield return one;
    }

    private static List<XapiStatementRef> Refs(JsonObject s, string verb)
    {
        var refs = new HashSet<(XapiRefKind, string)>();
        void Agent(JsonNode? node, bool narrow, bool member = false)
        {
            if (node is not JsonObject a) return;
            if (XapiAgents.Key(a) is { } k)
            {
                refs.Add((member ? XapiRefKind.RelatedAgentMember : XapiRefKind.RelatedAgent, k));
                if (narrow) refs.Add((member ? XapiRefKind.AgentMember : XapiRefKind.Agent, k));
            }
            if (a["member"] is JsonArray members) foreach (var m in members) Agent(m, narrow, member: true);
        }
        void Walk(JsonObject st, bool top)
        {
            Agent(st["actor"], top);
            var o = st["object"]!.AsObject();
            var type = o["objectType"]?.GetValue<string>() ?? "Activity";
            if (type is "Agent" or "Group") Agent(o, top);
            if (type == "Activity")
            {
                refs.Add((XapiRefKind.RelatedActivity, o["id"]!.GetValue<string>()));
                if (top) refs.Add((XapiRefKind.Activity, o["id"]!.GetValue<string>()));
            }
            if (type == "SubStatement") Walk(o, false);
            if (st["context"] is JsonObject c)
            {
                Agent(c["instructor"], false);
                Agent(c["team"], false);
                if (c["contextActivities"] is JsonObject ca)
                    foreach (var (_, v) in ca)
                        foreach (var item in v is JsonArray list ? list.OfType<JsonObject>() : v is JsonObject one ? [one] : [])
                            refs.Add((XapiRefKind.RelatedActivity, item["id"]!.GetValue<string>()));
            }
        }
        Walk(s, true);
        Agent(s["authority"], false);
        // One row per key and filter: an agent that is both itself and a member of a group in the statement is itself.
        refs.RemoveWhere(r => (r.Item1 == XapiRefKind.AgentMember && refs.Contains((XapiRefKind.Agent, r.Item2)))
            || (r.Item1 == XapiRefKind.RelatedAgentMember && refs.Contains((XapiRefKind.RelatedAgent, r.Item2))));
        return refs.Select(r => new XapiStatementRef { Kind = r.Item1, Key = r.Item2, VerbId = verb }).ToList();
    }

    private static void CheckAttachments(JsonObject s, IReadOnlyList<AttachmentPart> parts, HashSet<string> referenced)
    {
        foreach (var list in new[] { s["attachments"], s["object"]?["attachments"] })
        {
            if (list is not JsonArray attachments) continue;
            foreach (var a in attachments.OfType<JsonObject>())
            {
                var sha2 = a["sha2"]!.GetValue<string>();
                var part = parts.FirstOrDefault(p => string.Equals(p.Sha2, sha2, StringComparison.OrdinalIgnoreCase));
                if (part is not null) referenced.Add(sha2);
                else if (a["fileUrl"] is null) throw XapiException.Bad($"The attachment {sha2} has no fileUrl and no part in the request.");
            }
        }
    }

    /// <summary>
    /// A statement with a signature attachment: the part must be a JWS (compact serialisation) signed with RS256,
    /// RS384 or RS512 whose payload is the statement itself; when the header carries an x5c certificate, the
    /// signature is verified with its key.
    /// </summary>
    private static void VerifySignature(JsonObject s, IReadOnlyList<AttachmentPart> parts)
    {
        if (s["attachments"] is not JsonArray attachments) return;
        foreach (var a in attachments.OfType<JsonObject>())
        {
            if (a["usageType"]!.GetValue<string>() != XapiValidator.SignatureUsage) continue;
            if (!a["contentType"]!.GetValue<string>().StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
                throw XapiException.Bad("A signature attachment's contentType must be application/octet-stream.");
            var part = parts.FirstOrDefault(p => string.Equals(p.Sha2, a["sha2"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase))
                ?? throw XapiException.Bad("A signed statement must carry its signature as a part of the request.");
            var jws = Encoding.ASCII.GetString(part.Content).Trim().Split('.');
            if (jws.Length != 3) throw XapiException.Bad("The signature is not a JWS in compact serialisation.");
            JsonObject header, payload;
            try
            {
                header = JsonNode.Parse(Base64Url(jws[0])) as JsonObject ?? throw new FormatException();
                payload = JsonNode.Parse(Base64Url(jws[1])) as JsonObject ?? throw new FormatException();
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                throw XapiException.Bad("The signature's header or payload is not base64url-encoded JSON.");
            }
            var alg = header["alg"]?.GetValue<string>();
            var hash = alg switch
            {
                "RS256" => HashAlgorithmName.SHA256,
                "RS384" => HashAlgorithmName.SHA384,
                "RS512" => HashAlgorithmName.SHA512,
                _ => throw XapiException.Bad("The signature's algorithm must be RS256, RS384 or RS512."),
            };
            if (!SameStatement(s, payload)) throw XapiException.Bad("The signature's payload is not this statement.");
            if (header["x5c"] is JsonArray { Count: > 0 } chain)
            {
                using var cert = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(chain[0]!.GetValue<string>()));
                using var rsa = cert.GetRSAPublicKey() ?? throw XapiException.Bad("The signature's certificate has no RSA key.");
                if (!rsa.VerifyData(Encoding.ASCII.GetBytes(jws[0] + "." + jws[1]), Base64Url(jws[2]), hash, RSASignaturePadding.Pkcs1))
                    throw XapiException.Bad("The signature does not verify with its certificate.");
            }
        }
    }

    private static bool SameStatement(JsonObject statement, JsonObject payload)
    {
        static JsonObject Strip(JsonObject o, bool keepId)
        {
            var c = o.DeepClone().AsObject();
            foreach (var k in new[] { "attachments", "authority", "stored", "version", "timestamp" }) c.Remove(k);
            if (!keepId) c.Remove("id");
            return c;
        }
        var keepId = payload["id"] is not null;
        var hasTimestamp = payload["timestamp"] is not null;
        if (hasTimestamp && statement["timestamp"]?.GetValue<string>() != payload["timestamp"]?.GetValue<string>()) return false;
        return XapiValidator.CanonicalHash(Strip(statement, keepId)) == XapiValidator.CanonicalHash(Strip(payload, keepId));
    }

    private static byte[] Base64Url(string s)
    {
        var t = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(t.PadRight(t.Length + (4 - t.Length % 4) % 4, '='));
    }

    public async Task<XapiStatement?> GetAsync(Guid id, bool voided, Guid? mineOf, CancellationToken ct)
    {
        var row = await db.Set<XapiStatement>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (row is null || row.Voided != voided || (mineOf is { } c && row.ClientId != c)) return null;
        return row;
    }

    /// <summary>How many StatementRef hops a query follows back to a matching statement (a guard against reference cycles).</summary>
    public const int MaxTargetDepth = 16;

    /// <summary>Up to this many targeted matches, the statements pointing to them are looked up by their ids.</summary>
    private const int MaxTargetIds = 1000;

    public async Task<StatementPage> QueryAsync(StatementQuery q, CancellationToken ct)
    {
        var all = db.Set<XapiStatement>().AsNoTracking();
        var refs = db.Set<XapiStatementRef>();
        // The statements meeting the filter conditions themselves, voided ones included: a statement targeting a
        // voided match is still returned (xAPI 1.0.3 Part Three 2.1.4), the voided one never.
        var matches = all;
        // Joins, not EXISTS: each statement has at most one key row per kind, and PostgreSQL can then walk the
        // (Key, Kind, VerbId, StatementSeq) index backwards and stop after one page, whatever the table's size.
        if (q.AgentKey is { } agent)
        {
            // Agents and identified groups are equal by their identifier; an Agent also matches the groups it is a member
            // of, an identified Group does not (xAPI 1.0.3 Part Three 2.1.3). A statement has one row per key and filter.
            var kind = q.RelatedAgents ? XapiRefKind.RelatedAgent : XapiRefKind.Agent;
            var member = q.RelatedAgents ? XapiRefKind.RelatedAgentMember : XapiRefKind.AgentMember;
            var keys = refs.Where(r => r.Key == agent && (r.Kind == kind || (!q.AgentIsGroup && r.Kind == member)));
            if (q.Verb is { } v) keys = keys.Where(r => r.VerbId == v);
            matches = matches.Join(keys, s => s.Seq, r => r.StatementSeq, (s, _) => s);
        }
        if (q.Verb is { } verb) matches = matches.Where(s => s.VerbId == verb);
        if (q.Activity is { } activity)
        {
            var kind = q.RelatedActivities ? XapiRefKind.RelatedActivity : XapiRefKind.Activity;
            matches = matches.Join(refs.Where(r => r.Key == activity && r.Kind == kind), s => s.Seq, r => r.StatementSeq, (s, _) => s);
        }
        if (q.Registration is { } reg) matches = matches.Where(s => s.Registration == reg);
        var limit = q.Limit <= 0 ? DefaultPage : Math.Min(q.Limit, MaxPage);
        var rows = await PageAsync(matches, q, limit, ct);
        var filtered = q.AgentKey is not null || q.Verb is not null || q.Activity is not null || q.Registration is not null;
        if (filtered)
        {
            // Filter Conditions for StatementRefs (xAPI 1.0.3 Part Three 2.1.3): a statement whose object is a
            // StatementRef to a match matches too, recursively. Level n holds the statements n hops away from a match;
            // only matches marked Targeted take part, so the usual query stops after one probe that finds none of its matches marked.
            var level = matches;
            var seen = rows.Select(r => r.Seq).ToHashSet();
            for (var depth = 1; depth <= MaxTargetDepth; depth++)
            {
                // The targeted ones among the previous level, fetched first: usually none (one short query, and done). A few are
                // then looked up by id in the TargetId index; only past MaxTargetIds does the database join the two sets itself
                // (PostgreSQL may then merge-join the whole TargetId index, which is why it is not the usual path).
                var targeted = await level.Where(s => s.Targeted).Select(s => s.Id).Take(MaxTargetIds + 1).ToListAsync(ct);
                if (targeted.Count == 0) break;
                var previous = level;
                level = targeted.Count <= MaxTargetIds
                    ? all.Where(t => t.TargetId != null && targeted.Contains(t.TargetId.Value))
                    : all.Where(t => t.TargetId != null).Join(previous.Where(s => s.Targeted), t => t.TargetId, s => (Guid?)s.Id, (t, _) => t);
                foreach (var row in await PageAsync(level, q, limit, ct))
                    if (seen.Add(row.Seq)) rows.Add(row);
            }
            rows = (q.Ascending ? rows.OrderBy(r => r.Seq) : rows.OrderByDescending(r => r.Seq)).Take(limit + 1).ToList();
        }
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new StatementPage(rows, more, rows.Count > 0 ? rows[^1].Seq : null);
    }

    /// <summary>One page (plus one row, to tell whether there is more) of the statements to return among <paramref name="statements"/>: time, paging and client conditions apply to them.</summary>
    private static Task<List<XapiStatement>> PageAsync(IQueryable<XapiStatement> statements, StatementQuery q, int limit, CancellationToken ct)
    {
        statements = statements.Where(s => !s.Voided);
        if (q.Since is { } since) statements = statements.Where(s => s.Stored > since);
        if (q.Until is { } until) statements = statements.Where(s => s.Stored <= until);
        if (q.MineOf is { } client) statements = statements.Where(s => s.ClientId == client);
        if (q.After is { } after) statements = q.Ascending ? statements.Where(s => s.Seq > after) : statements.Where(s => s.Seq < after);
        statements = q.Ascending ? statements.OrderBy(s => s.Seq) : statements.OrderByDescending(s => s.Seq);
        return statements.Take(limit + 1).ToListAsync(ct);
    }

    public async Task<List<XapiAttachment>> AttachmentsAsync(IEnumerable<XapiStatement> statements, CancellationToken ct)
    {
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in statements)
        {
            var json = JsonNode.Parse(s.Json)!;
            foreach (var list in new[] { json["attachments"], json["object"]?["attachments"] })
                if (list is JsonArray a) foreach (var item in a.OfType<JsonObject>()) hashes.Add(item["sha2"]!.GetValue<string>());
        }
        if (hashes.Count == 0) return [];
        var wanted = hashes.ToList();
        return await db.Set<XapiAttachment>().AsNoTracking().Where(a => wanted.Contains(a.Sha2)).ToListAsync(ct);
    }

    /// <summary>The statement in the asked format: exact (as stored), ids (agents, activities and verbs by identifier only) or canonical.</summary>
    public static string Render(XapiStatement s, string format, XapiLanguages? languages = null)
    {
        if (format == "exact") return s.Json;
        var json = JsonNode.Parse(s.Json)!.AsObject();
        if (format == "ids") IdsOnly(json);
        else Canonical(json, languages ?? XapiLanguages.Parse(null));
        return json.ToJsonString();
    }

    /// <summary>
    /// The canonical format: the Activities' definitions and the Verbs' displays as received (the LRS keeps no other
    /// canonical version), each language map reduced to the one language the Accept-Language header prefers; agents and
    /// groups as in exact (xAPI 1.0.3 Part Three 2.1.3).
    /// </summary>
    private static void Canonical(JsonObject st, XapiLanguages languages)
    {
        languages.Reduce(st["verb"]?["display"]);
        foreach (var activity in Activities(st))
        {
            if (activity["definition"] is not JsonObject d) continue;
            languages.Reduce(d["name"]);
            languages.Reduce(d["description"]);
            foreach (var list in new[] { "choices", "scale", "source", "target", "steps" })
                if (d[list] is JsonArray components)
                    foreach (var c in components.OfType<JsonObject>()) languages.Reduce(c["description"]);
        }
        if (st["object"] is JsonObject { } o && o["objectType"]?.GetValue<string>() == "SubStatement") Canonical(o, languages);
        if (st["attachments"] is JsonArray attachments)
            foreach (var a in attachments.OfType<JsonObject>())
            {
                languages.Reduce(a["display"]);
                languages.Reduce(a["description"]);
            }
    }

    private static void IdsOnly(JsonObject st)
    {
        static JsonObject? Agent(JsonNode? node)
        {
            if (node is not JsonObject a) return null;
            var o = new JsonObject();
            if (a["objectType"] is { } t) o["objectType"] = t.DeepClone();
            foreach (var k in XapiAgents.Ifis) if (a[k] is { } v) o[k] = v.DeepClone();
            if (XapiAgents.Key(a) is null && a["member"] is JsonArray members)
                o["member"] = new JsonArray(members.Select(m => (JsonNode?)Agent(m)).ToArray());
            return o;
        }
        static JsonObject Activity(JsonObject a)
        {
            var o = new JsonObject();
            if (a["objectType"] is { } t) o["objectType"] = t.DeepClone();
            o["id"] = a["id"]!.DeepClone();
            return o;
        }
        st["actor"] = Agent(st["actor"]);
        if (st["authority"] is not null) st["authority"] = Agent(st["authority"]);
        st["verb"] = new JsonObject { ["id"] = st["verb"]!["id"]!.DeepClone() };
        var o = st["object"]!.AsObject();
        var type = o["objectType"]?.GetValue<string>() ?? "Activity";
        if (type is "Agent" or "Group") st["object"] = Agent(o);
        else if (type == "Activity") st["object"] = Activity(o);
        else if (type == "SubStatement") IdsOnly(o);
        if (st["context"] is JsonObject c)
        {
            if (c["instructor"] is not null) c["instructor"] = Agent(c["instructor"]);
            if (c["team"] is not null) c["team"] = Agent(c["team"]);
            if (c["contextActivities"] is JsonObject ca)
                foreach (var k in ca.Select(p => p.Key).ToList())
                    ca[k] = ca[k] is JsonArray list
                        ? new JsonArray(list.OfType<JsonObject>().Select(x => (JsonNode?)Activity(x)).ToArray())
                        : Activity(ca[k]!.AsObject());
        }
    }
}
