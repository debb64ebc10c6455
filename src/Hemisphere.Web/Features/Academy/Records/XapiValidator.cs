using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hemisphere.Features.Academy.Records;

/// <summary>A statement, agent or parameter that breaks the xAPI 1.0.3 rules: the LRS answers 400 with the message.</summary>
public sealed class XapiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
    public static XapiException Bad(string message) => new(400, message);
}

/// <summary>Agents and groups: their inverse functional identifier as one comparable key.</summary>
public static class XapiAgents
{
    public static readonly string[] Ifis = ["mbox", "mbox_sha1sum", "openid", "account"];

    /// <summary>"mbox:mailto:x@y", "sha1:…", "openid:…", "account:homePage|name"; null for an anonymous group.</summary>
    public static string? Key(JsonObject agent)
    {
        if (agent["mbox"] is JsonValue m) return "mbox:" + m.GetValue<string>();
        if (agent["mbox_sha1sum"] is JsonValue s) return "sha1:" + s.GetValue<string>().ToLowerInvariant();
        if (agent["openid"] is JsonValue o) return "openid:" + o.GetValue<string>();
        if (agent["account"] is JsonObject a) return "account:" + a["homePage"]!.GetValue<string>() + "|" + a["name"]!.GetValue<string>();
        return null;
    }

    /// <summary>An agent given as a query parameter (JSON), validated; answers its key.</summary>
    public static string ParseParameter(string? json, string name) => ParseFilter(json, name).Key;

    /// <summary>An agent or identified group given as a query parameter (JSON), validated; answers its key and whether it is a Group.</summary>
    public static (string Key, bool Group) ParseFilter(string? json, string name)
    {
        if (string.IsNullOrWhiteSpace(json)) throw XapiException.Bad($"The '{name}' parameter is required.");
        JsonObject agent;
        try { agent = JsonNode.Parse(json) as JsonObject ?? throw XapiException.Bad($"The '{name}' parameter must be a JSON object."); }
        catch (JsonException) { throw XapiException.Bad($"The '{name}' parameter is not valid JSON."); }
        new XapiValidator().Actor(agent, name);
        var key = Key(agent) ?? throw XapiException.Bad($"The '{name}' parameter must be an identified agent or group.");
        return (key, agent["objectType"] is JsonValue t && t.GetValue<string>() == "Group");
    }
}

/// <summary>
/// The Accept-Language header as the canonical format applies it (xAPI Part Three 2.1.3, RFC 2616 14.4): language ranges
/// with their quality; each language map keeps the one entry the ranges prefer.
/// </summary>
public sealed class XapiLanguages
{
    private readonly List<(string Range, double Quality)> ranges;

    private XapiLanguages(List<(string Range, double Quality)> ranges) => this.ranges = ranges;

    public static XapiLanguages Parse(string? header)
    {
        var list = new List<(string, double)>();
        if (Microsoft.Net.Http.Headers.StringWithQualityHeaderValue.TryParseList((header ?? "").Split(','), out var values))
            foreach (var v in values)
                if (v.Value.Value is { Length: > 0 } range) list.Add((range.Trim(), v.Quality ?? 1));
        return new XapiLanguages(list);
    }

    /// <summary>The quality of a language tag: that of the longest range matching it (the tag itself, a prefix of it followed by '-', or '*'); 0 when none does.</summary>
    public double Quality(string tag)
    {
        var best = -1;
        var quality = 0d;
        foreach (var (range, q) in ranges)
        {
            var length = range == "*" ? 0
                : tag.Equals(range, StringComparison.OrdinalIgnoreCase) || tag.StartsWith(range + "-", StringComparison.OrdinalIgnoreCase) ? range.Length
                : -1;
            if (length > best) (best, quality) = (length, q);
        }
        return quality;
    }

    /// <summary>Keeps one entry of a language map: the most preferred language (the first entry when none is acceptable).</summary>
    public void Reduce(JsonNode? map)
    {
        if (map is not JsonObject o || o.Count <= 1) return;
        var keep = o.Select(p => p.Key).OrderByDescending(Quality).First();
        foreach (var key in o.Select(p => p.Key).Where(k => k != keep).ToList()) o.Remove(key);
    }
}

/// <summary>
/// The xAPI 1.0.3 statement rules (Part Two: the data model; Part Three: what an LRS rejects): every property's
/// type and form, no property the specification does not define, exactly one identifier per agent, the rules of
/// groups, sub-statements, scores, language maps, durations and timestamps. Throws <see cref="XapiException"/>.
/// </summary>
public sealed partial class XapiValidator
{
    public const string VoidedVerb = "http://adlnet.gov/expapi/verbs/voided";
    public const string SignatureUsage = "http://adlnet.gov/expapi/attachments/signature";

    private static readonly HashSet<string> StatementKeys = ["id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments"];
    private static readonly HashSet<string> SubStatementKeys = ["objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"];
    private static readonly HashSet<string> AgentKeys = ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"];
    private static readonly HashSet<string> GroupKeys = ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member"];
    private static readonly HashSet<string> InteractionTypes = ["true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric", "other"];

    public void Statement(JsonNode? node)
    {
        var s = Object(node, "statement");
        NoNulls(s, "statement");
        Keys(s, StatementKeys, "statement");
        if (s["id"] is { } id) Uuid(id, "id");
        Require(s, "actor", "statement");
        Require(s, "verb", "statement");
        Require(s, "object", "statement");
        Actor(s["actor"], "actor");
        Verb(s["verb"], "verb");
        var objectType = Object(s["object"], "object")["objectType"] is JsonValue t ? Str(t, "object.objectType") : "Activity";
        StatementObject(s["object"], "object", sub: false);
        if (s["verb"]!["id"]!.GetValue<string>() == VoidedVerb && objectType != "StatementRef")
            throw XapiException.Bad("A voiding statement's object must be a StatementRef.");
        if (s["result"] is { } r) Result(r, "result");
        if (s["context"] is { } c) Context(c, "context", objectType);
        if (s["timestamp"] is { } ts) Timestamp(ts, "timestamp");
        if (s["stored"] is { } st) Timestamp(st, "stored");
        if (s["authority"] is { } a) Authority(a);
        if (s["version"] is { } v && !VersionPattern().IsMatch(Str(v, "version")))
            throw XapiException.Bad("version must be 1.0.x.");
        if (s["attachments"] is { } att) Attachments(att, "attachments");
    }

    /// <summary>No property may be null, except inside extensions (whose values are free).</summary>
    private static void NoNulls(JsonNode node, string path)
    {
        if (node is JsonObject o)
            foreach (var (k, v) in o)
            {
                if (v is null) throw XapiException.Bad($"{path}.{k} must not be null.");
                if (k != "extensions") NoNulls(v, path + "." + k);
            }
        else if (node is JsonArray a)
            for (var i = 0; i < a.Count; i++)
            {
                if (a[i] is not { } item) throw XapiException.Bad($"{path}[{i}] must not be null.");
                NoNulls(item, $"{path}[{i}]");
            }
    }

    private void StatementObject(JsonNode? node, string path, bool sub)
    {
        var o = Object(node, path);
        var type = o["objectType"] is JsonValue t ? Str(t, path + ".objectType") : "Activity";
        switch (type)
        {
            case "Activity": Activity(o, path); break;
            case "Agent":
            case "Group": Actor(o, path); break;
            case "StatementRef":
                Keys(o, ["objectType", "id"], path);
                Require(o, "id", path);
                Uuid(o["id"]!, path + ".id");
                break;
            case "SubStatement":
                if (sub) throw XapiException.Bad("A SubStatement cannot contain a SubStatement.");
                Keys(o, SubStatementKeys, path);
                Require(o, "actor", path);
                Require(o, "verb", path);
                Require(o, "object", path);
                Actor(o["actor"], path + ".actor");
                Verb(o["verb"], path + ".verb");
                var inner = Object(o["object"], path + ".object")["objectType"] is JsonValue it ? Str(it, path + ".object.objectType") : "Activity";
                StatementObject(o["object"], path + ".object", sub: true);
                if (o["result"] is { } r) Result(r, path + ".result");
                if (o["context"] is { } c) Context(c, path + ".context", inner);
                if (o["timestamp"] is { } ts) Timestamp(ts, path + ".timestamp");
                if (o["attachments"] is { } att) Attachments(att, path + ".attachments");
                break;
            default: throw XapiException.Bad($"{path}.objectType '{type}' is not Activity, Agent, Group, StatementRef or SubStatement.");
        }
    }

    public void Actor(JsonNode? node, string path)
    {
        var o = Object(node, path);
        var type = o["objectType"] is JsonValue t ? Str(t, path + ".objectType") : "Agent";
        if (type == "Agent") Agent(o, path);
        else if (type == "Group") Group(o, path);
        else throw XapiException.Bad($"{path}.objectType must be Agent or Group.");
    }

    private void Agent(JsonObject o, string path)
    {
        Keys(o, AgentKeys, path);
        if (o["objectType"] is JsonValue t && Str(t, path + ".objectType") != "Agent") throw XapiException.Bad($"{path}.objectType must be Agent.");
        if (o["name"] is { } n) Str(n, path + ".name");
        var count = Ifi(o, path);
        if (count != 1) throw XapiException.Bad($"{path}: an Agent must have exactly one identifier (mbox, mbox_sha1sum, openid or account); it has {count}.");
    }

    private void Group(JsonObject o, string path)
    {
        Keys(o, GroupKeys, path);
        if (o["name"] is { } n) Str(n, path + ".name");
        var count = Ifi(o, path);
        if (count > 1) throw XapiException.Bad($"{path}: a Group has at most one identifier; it has {count}.");
        if (o["member"] is { } m)
        {
            var members = Array(m, path + ".member");
            for (var i = 0; i < members.Count; i++)
            {
                var member = Object(members[i], $"{path}.member[{i}]");
                if (member["objectType"] is JsonValue mt && Str(mt, $"{path}.member[{i}].objectType") == "Group")
                    throw XapiException.Bad($"{path}.member[{i}]: a Group's members are Agents, not Groups.");
                Agent(member, $"{path}.member[{i}]");
            }
            if (count == 0 && members.Count == 0) throw XapiException.Bad($"{path}: an anonymous Group must have members.");
        }
        else if (count == 0) throw XapiException.Bad($"{path}: an anonymous Group must have members.");
    }

    private int Ifi(JsonObject o, string path)
    {
        var count = 0;
        if (o["mbox"] is { } mbox)
        {
            count++;
            var v = Str(mbox, path + ".mbox");
            if (!v.StartsWith("mailto:", StringComparison.Ordinal) || !MailPattern().IsMatch(v[7..]))
                throw XapiException.Bad($"{path}.mbox must be a mailto: IRI of an e-mail address.");
        }
        else if (o.ContainsKey("mbox")) throw XapiException.Bad($"{path}.mbox must not be null.");
        if (o["mbox_sha1sum"] is { } sha)
        {
            count++;
            if (!Sha1Pattern().IsMatch(Str(sha, path + ".mbox_sha1sum"))) throw XapiException.Bad($"{path}.mbox_sha1sum must be 40 hexadecimal digits.");
        }
        if (o["openid"] is { } openid)
        {
            count++;
            Iri(openid, path + ".openid");
        }
        if (o["account"] is { } account)
        {
            count++;
            var a = Object(account, path + ".account");
            Keys(a, ["homePage", "name"], path + ".account");
            Require(a, "homePage", path + ".account");
            Require(a, "name", path + ".account");
            Iri(a["homePage"], path + ".account.homePage");
            Str(a["name"]!, path + ".account.name");
        }
        foreach (var k in XapiAgents.Ifis)
            if (o.ContainsKey(k) && o[k] is null) throw XapiException.Bad($"{path}.{k} must not be null.");
        return count;
    }

    /// <summary>The LRS replaces the authority with the client's own; what was sent must still be a valid agent or group.</summary>
    private void Authority(JsonNode node)
    {
        Actor(node, "authority");
        // A group authority is the OAuth pair: an anonymous group of exactly two agents (xAPI 1.0.3 Part Two 2.4.9).
        if (node["objectType"] is JsonValue t && t.GetValue<string>() == "Group"
            && (Ifi(node.AsObject(), "authority") != 0 || node["member"] is not JsonArray { Count: 2 }))
            throw XapiException.Bad("A Group authority must be an anonymous group of exactly two agents.");
    }

    private void Verb(JsonNode? node, string path)
    {
        var v = Object(node, path);
        Keys(v, ["id", "display"], path);
        Require(v, "id", path);
        Iri(v["id"], path + ".id");
        if (v["display"] is { } d) LanguageMap(d, path + ".display");
    }

    private void Activity(JsonObject o, string path)
    {
        Keys(o, ["objectType", "id", "definition"], path);
        Require(o, "id", path);
        Iri(o["id"], path + ".id");
        if (o["definition"] is not { } def) return;
        var d = Object(def, path + ".definition");
        Keys(d, ["name", "description", "type", "moreInfo", "extensions", "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps"], path + ".definition");
        if (d["name"] is { } n) LanguageMap(n, path + ".definition.name");
        if (d["description"] is { } ds) LanguageMap(ds, path + ".definition.description");
        if (d["type"] is { } t) Iri(t, path + ".definition.type");
        if (d["moreInfo"] is { } mi) Iri(mi, path + ".definition.moreInfo");
        if (d["extensions"] is { } e) Extensions(e, path + ".definition.extensions");
        if (d["interactionType"] is { } it && !InteractionTypes.Contains(Str(it, path + ".definition.interactionType")))
            throw XapiException.Bad($"{path}.definition.interactionType is not one of the xAPI interaction types.");
        if (d["correctResponsesPattern"] is { } crp)
            foreach (var (item, i) in Array(crp, path + ".definition.correctResponsesPattern").Select((x, i) => (x, i)))
                Str(item, $"{path}.definition.correctResponsesPattern[{i}]");
        foreach (var list in new[] { "choices", "scale", "source", "target", "steps" })
        {
            if (d[list] is not { } components) continue;
            if (d["interactionType"] is null) throw XapiException.Bad($"{path}.definition.{list} needs an interactionType.");
            var seen = new HashSet<string>();
            foreach (var (item, i) in Array(components, $"{path}.definition.{list}").Select((x, i) => (x, i)))
            {
                var c = Object(item, $"{path}.definition.{list}[{i}]");
                Keys(c, ["id", "description"], $"{path}.definition.{list}[{i}]");
                Require(c, "id", $"{path}.definition.{list}[{i}]");
                if (!seen.Add(Str(c["id"]!, $"{path}.definition.{list}[{i}].id")))
                    throw XapiException.Bad($"{path}.definition.{list}: interaction component ids must be unique.");
                if (c["description"] is { } cd) LanguageMap(cd, $"{path}.definition.{list}[{i}].description");
            }
        }
    }

    private void Result(JsonNode node, string path)
    {
        var r = Object(node, path);
        Keys(r, ["score", "success", "completion", "response", "duration", "extensions"], path);
        if (r["score"] is { } sc)
        {
            var s = Object(sc, path + ".score");
            Keys(s, ["scaled", "raw", "min", "max"], path + ".score");
            double? scaled = s["scaled"] is { } x ? Number(x, path + ".score.scaled") : null;
            double? raw = s["raw"] is { } y ? Number(y, path + ".score.raw") : null;
            double? min = s["min"] is { } z ? Number(z, path + ".score.min") : null;
            double? max = s["max"] is { } w ? Number(w, path + ".score.max") : null;
            if (scaled is < -1 or > 1) throw XapiException.Bad($"{path}.score.scaled must be between -1 and 1.");
            if (min is { } a && max is { } b && a >= b) throw XapiException.Bad($"{path}.score.min must be less than max.");
            if (raw is { } v && ((min is { } lo && v < lo) || (max is { } hi && v > hi)))
                throw XapiException.Bad($"{path}.score.raw must lie between min and max.");
        }
        if (r["success"] is { } su) Bool(su, path + ".success");
        if (r["completion"] is { } co) Bool(co, path + ".completion");
        if (r["response"] is { } re) Str(re, path + ".response");
        if (r["duration"] is { } du && !DurationPattern().IsMatch(Str(du, path + ".duration")))
            throw XapiException.Bad($"{path}.duration must be an ISO 8601 duration.");
        if (r["extensions"] is { } e) Extensions(e, path + ".extensions");
    }

    private void Context(JsonNode node, string path, string objectType)
    {
        var c = Object(node, path);
        Keys(c, ["registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement", "extensions"], path);
        if (c["registration"] is { } reg) Uuid(reg, path + ".registration");
        if (c["instructor"] is { } ins) Actor(ins, path + ".instructor");
        if (c["team"] is { } team)
        {
            if (team["objectType"]?.GetValueKind() != JsonValueKind.String || team["objectType"]!.GetValue<string>() != "Group")
                throw XapiException.Bad($"{path}.team must be a Group.");
            Actor(team, path + ".team");
        }
        if (c["contextActivities"] is { } ca)
        {
            var o = Object(ca, path + ".contextActivities");
            Keys(o, ["parent", "grouping", "category", "other"], path + ".contextActivities");
            foreach (var (k, v) in o)
            {
                var p = $"{path}.contextActivities.{k}";
                if (v is JsonArray list) foreach (var (item, i) in list.Select((x, i) => (x, i))) ContextActivity(item, $"{p}[{i}]");
                else ContextActivity(v, p);
            }
        }
        if (c["revision"] is { } rev)
        {
            Str(rev, path + ".revision");
            if (objectType != "Activity") throw XapiException.Bad($"{path}.revision is only allowed when the object is an Activity.");
        }
        if (c["platform"] is { } pl)
        {
            Str(pl, path + ".platform");
            if (objectType != "Activity") throw XapiException.Bad($"{path}.platform is only allowed when the object is an Activity.");
        }
        if (c["language"] is { } lang && !LanguagePattern().IsMatch(Str(lang, path + ".language")))
            throw XapiException.Bad($"{path}.language must be an RFC 5646 language tag.");
        if (c["statement"] is { } st)
        {
            var o = Object(st, path + ".statement");
            if (o["objectType"] is not JsonValue t || Str(t, path + ".statement.objectType") != "StatementRef")
                throw XapiException.Bad($"{path}.statement must be a StatementRef.");
            StatementObject(o, path + ".statement", sub: true);
        }
        if (c["extensions"] is { } e) Extensions(e, path + ".extensions");
    }

    private void ContextActivity(JsonNode? node, string path)
    {
        var o = Object(node, path);
        if (o["objectType"] is JsonValue t && Str(t, path + ".objectType") != "Activity") throw XapiException.Bad($"{path} must be an Activity.");
        Activity(o, path);
    }

    private void Attachments(JsonNode node, string path)
    {
        foreach (var (item, i) in Array(node, path).Select((x, i) => (x, i)))
        {
            var p = $"{path}[{i}]";
            var a = Object(item, p);
            Keys(a, ["usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"], p);
            foreach (var k in new[] { "usageType", "display", "contentType", "length", "sha2" }) Require(a, k, p);
            Iri(a["usageType"], p + ".usageType");
            LanguageMap(a["display"]!, p + ".display");
            if (a["description"] is { } d) LanguageMap(d, p + ".description");
            if (!ContentTypePattern().IsMatch(Str(a["contentType"]!, p + ".contentType"))) throw XapiException.Bad($"{p}.contentType must be an Internet Media Type.");
            if (a["length"]!.GetValueKind() != JsonValueKind.Number || !long.TryParse(a["length"]!.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out var len) || len < 0)
                throw XapiException.Bad($"{p}.length must be a non-negative integer.");
            if (!Sha2Pattern().IsMatch(Str(a["sha2"]!, p + ".sha2"))) throw XapiException.Bad($"{p}.sha2 must be a hexadecimal SHA-2 hash.");
            if (a["fileUrl"] is { } f) Iri(f, p + ".fileUrl");
        }
    }

    private static void LanguageMap(JsonNode node, string path)
    {
        var o = Object(node, path);
        foreach (var (k, v) in o)
        {
            if (!LanguagePattern().IsMatch(k)) throw XapiException.Bad($"{path}: '{k}' is not an RFC 5646 language tag.");
            Str(v, $"{path}.{k}");
        }
    }

    private static void Extensions(JsonNode node, string path)
    {
        var o = Object(node, path);
        foreach (var (k, _) in o)
            if (!IsIri(k)) throw XapiException.Bad($"{path}: extension key '{k}' is not an IRI.");
    }

    private static void Timestamp(JsonNode node, string path)
    {
        var v = Str(node, path);
        if (!TimestampPattern().IsMatch(v) || v.EndsWith("-00:00", StringComparison.Ordinal) || v.EndsWith("-0000", StringComparison.Ordinal) || v.EndsWith("-00", StringComparison.Ordinal))
            throw XapiException.Bad($"{path} must be an ISO 8601 date and time (an offset of -00:00 is not allowed).");
        if (ParseTimestamp(v) is null) throw XapiException.Bad($"{path} is not a valid date and time.");
    }

    public static DateTimeOffset? ParseTimestamp(string v) =>
        DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    private static void Uuid(JsonNode node, string path)
    {
        if (!UuidPattern().IsMatch(Str(node, path))) throw XapiException.Bad($"{path} must be a UUID.");
    }

    public static bool IsUuid(string? v) => v is not null && UuidPattern().IsMatch(v);

    private static void Iri(JsonNode? node, string path)
    {
        if (node is null) throw XapiException.Bad($"{path} must not be null.");
        if (!IsIri(Str(node, path))) throw XapiException.Bad($"{path} must be an absolute IRI.");
    }

    public static bool IsIri(string v) => IriPattern().IsMatch(v) && !v.Any(char.IsWhiteSpace);

    private static JsonObject Object(JsonNode? node, string path) =>
        node as JsonObject ?? throw XapiException.Bad($"{path} must be a JSON object.");

    private static JsonArray Array(JsonNode node, string path) =>
        node as JsonArray ?? throw XapiException.Bad($"{path} must be an array.");

    private static string Str(JsonNode? node, string path) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw XapiException.Bad($"{path} must be a string.");

    private static double Number(JsonNode node, string path) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? ToDouble(v) : throw XapiException.Bad($"{path} must be a number.");

    /// <summary>A JSON number as a double, whether it was parsed from text or built in code from an int, a long or a decimal.</summary>
    public static double ToDouble(JsonValue v) =>
        v.TryGetValue<double>(out var d) ? d : double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void Bool(JsonNode node, string path)
    {
        if (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) throw XapiException.Bad($"{path} must be true or false.");
    }

    private static void Require(JsonObject o, string key, string path)
    {
        if (o[key] is null) throw XapiException.Bad($"{path}.{key} is required.");
    }

    private static void Keys(JsonObject o, IReadOnlySet<string> allowed, string path)
    {
        foreach (var (k, _) in o)
            if (!allowed.Contains(k)) throw XapiException.Bad($"{path}: '{k}' is not a property xAPI allows here.");
    }

    private static void Keys(JsonObject o, string[] allowed, string path) => Keys(o, allowed.ToHashSet(), path);

    /// <summary>SHA-256 of the JSON with every object's keys sorted (the form two statements are compared in).</summary>
    public static string CanonicalHash(JsonNode node)
    {
        var sb = new StringBuilder();
        Canonical(node, sb);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static void Canonical(JsonNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case null: sb.Append("null"); break;
            case JsonObject o:
                sb.Append('{');
                foreach (var (k, v) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    sb.Append(JsonSerializer.Serialize(k)).Append(':');
                    Canonical(v, sb);
                    sb.Append(',');
                }
                sb.Append('}');
                break;
            case JsonArray a:
                sb.Append('[');
                foreach (var v in a) { Canonical(v, sb); sb.Append(','); }
                sb.Append(']');
                break;
            default:
                var value = node.AsValue();
                sb.Append(value.GetValueKind() == JsonValueKind.Number ? ToDouble(value).ToString("R", CultureInfo.InvariantCulture) : node.ToJsonString());
                break;
        }
    }

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.\-]*:\S+$")]
    private static partial Regex IriPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+$")]
    private static partial Regex MailPattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{40}$")]
    private static partial Regex Sha1Pattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{56,128}$")]
    private static partial Regex Sha2Pattern();

    [GeneratedRegex(@"^1\.0(\.\d+)?$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex(@"^[a-zA-Z0-9!#$&^_.+\-]+/[a-zA-Z0-9!#$&^_.+\-]+(\s*;.*)?$")]
    private static partial Regex ContentTypePattern();

    [GeneratedRegex(@"^P(?=\d|T\d)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+\-]\d{2}(:?\d{2})?)?$")]
    private static partial Regex TimestampPattern();
}
