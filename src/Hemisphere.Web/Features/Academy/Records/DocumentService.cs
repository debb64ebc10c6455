using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hemisphere.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Academy.Records;

/// <summary>Where a document lives: its kind and its activity, agent and registration as they apply.</summary>
public sealed record DocumentScope(XapiDocumentKind Kind, string? ActivityId, string? AgentKey, Guid? Registration)
{
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Kind}\n{ActivityId}\n{AgentKey}\n{Registration}")));
}

/// <summary>The preconditions of a write: the If-Match and If-None-Match headers.</summary>
public sealed record DocumentPreconditions(string? IfMatch, string? IfNoneMatch)
{
    public bool Any => IfMatch is not null || IfNoneMatch is not null;
}

/// <summary>
/// The State, Activity Profile and Agent Profile resources: documents stored whole (PUT), merged as JSON objects
/// (POST), listed by id (with since), deleted; ETags and the If-Match / If-None-Match preconditions.
/// </summary>
public sealed class DocumentService(HemisphereDb db, TimeProvider clock)
{
    public Task<XapiDocument?> GetAsync(DocumentScope scope, string id, CancellationToken ct)
    {
        var hash = scope.Hash;
        return db.Set<XapiDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.ScopeHash == hash && d.DocumentId == id, ct);
    }

    /// <summary>The ids of the scope's documents (updated after <paramref name="since"/>), and when the latest of them was updated.</summary>
    public async Task<(List<string> Ids, DateTimeOffset? Updated)> IdsAsync(DocumentScope scope, DateTimeOffset? since, CancellationToken ct)
    {
        var hash = scope.Hash;
        var q = db.Set<XapiDocument>().AsNoTracking().Where(d => d.ScopeHash == hash);
        if (since is { } s) q = q.Where(d => d.Updated > s);
        var rows = await q.OrderBy(d => d.DocumentId).Select(d => new { d.DocumentId, d.Updated }).ToListAsync(ct);
        return (rows.Select(r => r.DocumentId).ToList(), rows.Count == 0 ? null : rows.Max(r => r.Updated));
    }

    public static string ETag(XapiDocument d) => "\"" + d.Sha1 + "\"";

    /// <summary>PUT (replace) or POST (merge); answers the stored document. 412 when a precondition fails, 409 when a profile is overwritten blindly.</summary>
    public async Task<XapiDocument> WriteAsync(DocumentScope scope, string id, byte[] content, string contentType, bool merge, DocumentPreconditions pre, CancellationToken ct) =>
        await db.InTransactionAsync(async token =>
        {
            var hash = scope.Hash;
            var doc = await db.Set<XapiDocument>().FirstOrDefaultAsync(d => d.ScopeHash == hash && d.DocumentId == id, token);
            Check(doc, pre);
            if (doc is not null && !merge && !pre.Any && scope.Kind != XapiDocumentKind.State)
                throw new XapiException(409, "The document exists: send If-Match with its ETag (or If-None-Match: *) to change it.");
            // The conformance suite expects an Agent Profile PUT without either precondition to be refused even for a new
            // document (a client MUST send one, xAPI Part Three 3.1); Activity Profile PUTs of new documents are accepted.
            if (doc is null && !merge && !pre.Any && scope.Kind == XapiDocumentKind.AgentProfile)
                throw XapiException.Bad("A PUT to the Agent Profile resource needs If-Match (the document's ETag) or If-None-Match: *.");
            if (merge && doc is not null)
            {
                var existing = JsonObjectOf(doc.Content, doc.ContentType) ?? throw XapiException.Bad("The stored document is not a JSON object: it cannot be merged.");
                var posted = JsonObjectOf(content, contentType) ?? throw XapiException.Bad("The posted document is not a JSON object: it cannot be merged.");
                foreach (var (k, v) in posted) existing[k] = v?.DeepClone();
                content = Encoding.UTF8.GetBytes(existing.ToJsonString());
                contentType = "application/json";
            }
            else if (merge && IsJson(contentType) && JsonObjectOf(content, contentType) is null)
                throw XapiException.Bad("The posted document is not a JSON object.");
            if (doc is null)
            {
                doc = new XapiDocument { Kind = scope.Kind, ScopeHash = hash, DocumentId = id, ActivityId = scope.ActivityId, AgentKey = scope.AgentKey, Registration = scope.Registration };
                db.Add(doc);
            }
            doc.Content = content;
            doc.ContentType = contentType;
            doc.Sha1 = Convert.ToHexStringLower(SHA1.HashData(content));
            doc.Updated = clock.GetUtcNow();
            await db.SaveChangesAsync(token);
            return doc;
        }, ct);

    /// <summary>Deletes one document (with its preconditions) or, without an id, every document of the scope (State only).</summary>
    public async Task DeleteAsync(DocumentScope scope, string? id, DocumentPreconditions pre, CancellationToken ct)
    {
        var hash = scope.Hash;
        if (id is null)
        {
            await db.Set<XapiDocument>().Where(d => d.ScopeHash == hash).ExecuteDeleteAsync(ct);
            return;
        }
        var doc = await db.Set<XapiDocument>().FirstOrDefaultAsync(d => d.ScopeHash == hash && d.DocumentId == id, ct);
        Check(doc, pre);
        if (doc is null) return;
        db.Remove(doc);
        await db.SaveChangesAsync(ct);
    }

    private static void Check(XapiDocument? doc, DocumentPreconditions pre)
    {
        if (pre.IfMatch is { } m)
        {
            var ok = doc is not null && (m.Trim() == "*" || m.Split(',').Select(t => t.Trim()).Contains(ETag(doc)));
            if (!ok) throw new XapiException(412, "If-Match does not match the document's ETag.");
        }
        if (pre.IfNoneMatch is { } n && doc is not null && (n.Trim() == "*" || n.Split(',').Select(t => t.Trim()).Contains(ETag(doc))))
            throw new XapiException(412, "If-None-Match: the document exists.");
    }

    private static bool IsJson(string contentType) => contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);

    private static JsonObject? JsonObjectOf(byte[] content, string contentType)
    {
        if (!IsJson(contentType)) return null;
        try { return JsonNode.Parse(content) as JsonObject; }
        catch (JsonException) { return null; }
    }
}
