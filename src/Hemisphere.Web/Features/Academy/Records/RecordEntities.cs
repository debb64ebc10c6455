using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hemisphere.Features.Academy.Records;

/// <summary>
/// One xAPI statement as the Learning Record Store keeps it: the whole statement (with the properties the LRS sets:
/// id, stored, timestamp, authority, version) as JSON text, returned as is for format=exact, and the columns the
/// statement queries filter on. <see cref="Seq"/> is the order of storage: queries page on it.
/// </summary>
public sealed class XapiStatement
{
    public long Seq { get; set; }
    public Guid Id { get; set; }
    public string VerbId { get; set; } = "";

    /// <summary>The actor's identifier key (see <see cref="XapiAgents.Key"/>).</summary>
    public string ActorKey { get; set; } = "";

    /// <summary>The object's id when it is an activity.</summary>
    public string? ActivityId { get; set; }
    public Guid? Registration { get; set; }
    public DateTimeOffset Stored { get; set; }
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>Voided by a later voiding statement: gone from queries, still served by voidedStatementId.</summary>
    public bool Voided { get; set; }

    /// <summary>A voiding statement's target.</summary>
    public Guid? VoidsId { get; set; }

    /// <summary>
    /// The statement its object refers to when the object is a StatementRef (voiding statements included): queries
    /// with filters also return the statements targeting a match (xAPI 1.0.3 "Filter Conditions for StatementRefs").
    /// </summary>
    public Guid? TargetId { get; set; }

    /// <summary>
    /// Some stored statement's object is a StatementRef to this one (set when either of the two is stored). Filtered queries look
    /// for statements targeting their matches only among matches marked so: the look-up starts from a handful of rows instead of
    /// every StatementRef statement of the store.
    /// </summary>
    public bool Targeted { get; set; }

    /// <summary>The client application that stored it (statements/read/mine).</summary>
    public Guid? ClientId { get; set; }

    /// <summary>SHA-256 of the statement as received, keys sorted: two statements with the same id are the same when it matches.</summary>
    public string ReceivedHash { get; set; } = "";
    public string Json { get; set; } = "";
}

public enum XapiRefKind { Agent = 0, RelatedAgent = 1, Activity = 2, RelatedActivity = 3, AgentMember = 4, RelatedAgentMember = 5 }

/// <summary>
/// A key a statement is found by: the actor or object agent (the "agent" filter), any agent anywhere in it
/// (related_agents), the object activity (the "activity" filter), any activity in it (related_activities).
/// The verb rides along so agent + verb is one index range over tens of millions of statements.
/// </summary>
public sealed class XapiStatementRef
{
    public long Id { get; set; }
    public long StatementSeq { get; set; }
    public XapiRefKind Kind { get; set; }
    public string Key { get; set; } = "";
    public string VerbId { get; set; } = "";
}

public enum XapiDocumentKind { State = 0, ActivityProfile = 1, AgentProfile = 2 }

/// <summary>A document of the State, Activity Profile or Agent Profile resource.</summary>
public sealed class XapiDocument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public XapiDocumentKind Kind { get; set; }

    /// <summary>SHA-256 (hex) of the kind and the document's scope: activity, agent and registration as they apply.</summary>
    public string ScopeHash { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public string? ActivityId { get; set; }
    public string? AgentKey { get; set; }
    public Guid? Registration { get; set; }
    public string ContentType { get; set; } = "application/octet-stream";
    public byte[] Content { get; set; } = [];

    /// <summary>SHA-1 (hex) of the content, sent quoted as the ETag.</summary>
    public string Sha1 { get; set; } = "";
    public DateTimeOffset Updated { get; set; }
}

/// <summary>An attachment's content, stored once per SHA-256 whatever the number of statements that carry it.</summary>
public sealed class XapiAttachment
{
    public string Sha2 { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public byte[] Content { get; set; } = [];
}

/// <summary>The canonical definition of an activity: the last one stored in a statement.</summary>
public sealed class XapiActivity
{
    public string Id { get; set; } = "";
    public string Json { get; set; } = "";
}

/// <summary>
/// A client application of the LRS: HTTP Basic credentials (key and secret; the secret, 256 random bits, is kept
/// as its SHA-256) and the xAPI scopes it holds. Its account is the authority of the statements it stores.
/// </summary>
public sealed class XapiClient
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public string SecretHash { get; set; } = "";

    /// <summary>Space-separated xAPI scopes: all, all/read, statements/write, statements/read, statements/read/mine, state, profile, define.</summary>
    public string Scopes { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class RecordsModelConfiguration :
    IEntityTypeConfiguration<XapiStatement>, IEntityTypeConfiguration<XapiStatementRef>, IEntityTypeConfiguration<XapiDocument>,
    IEntityTypeConfiguration<XapiAttachment>, IEntityTypeConfiguration<XapiActivity>, IEntityTypeConfiguration<XapiClient>
{
    public const int Iri = 2048;

    public void Configure(EntityTypeBuilder<XapiStatement> b)
    {
        b.ToTable("XapiStatements");
        b.HasKey(x => x.Seq);
        b.Property(x => x.Seq).ValueGeneratedOnAdd();
        b.HasIndex(x => x.Id).IsUnique();
        b.Property(x => x.VerbId).HasMaxLength(Iri);
        b.Property(x => x.ActorKey).HasMaxLength(Iri);
        b.Property(x => x.ActivityId).HasMaxLength(Iri);
        b.Property(x => x.ReceivedHash).HasMaxLength(64);
        b.HasIndex(x => new { x.Stored });
        b.HasIndex(x => new { x.VerbId, x.Seq });
        b.HasIndex(x => new { x.Registration, x.Seq });
        b.HasIndex(x => x.VoidsId);
        b.HasIndex(x => x.TargetId);
        b.HasIndex(x => new { x.ClientId, x.Seq });
    }

    public void Configure(EntityTypeBuilder<XapiStatementRef> b)
    {
        b.ToTable("XapiStatementRefs");
        b.Property(x => x.Key).HasMaxLength(Iri);
        b.Property(x => x.VerbId).HasMaxLength(Iri);
        b.HasOne<XapiStatement>().WithMany().HasForeignKey(x => x.StatementSeq).OnDelete(DeleteBehavior.Cascade);
        // agent (or activity) + verb, newest first: one range of this index, then the statements by primary key.
        b.HasIndex(x => new { x.Key, x.Kind, x.VerbId, x.StatementSeq });
        b.HasIndex(x => new { x.Key, x.Kind, x.StatementSeq });
        b.HasIndex(x => x.StatementSeq);
    }

    public void Configure(EntityTypeBuilder<XapiDocument> b)
    {
        b.ToTable("XapiDocuments");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ScopeHash).HasMaxLength(64);
        b.Property(x => x.DocumentId).HasMaxLength(Iri);
        b.Property(x => x.ActivityId).HasMaxLength(Iri);
        b.Property(x => x.AgentKey).HasMaxLength(Iri);
        b.Property(x => x.ContentType).HasMaxLength(255);
        b.Property(x => x.Sha1).HasMaxLength(40);
        b.HasIndex(x => new { x.ScopeHash, x.DocumentId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<XapiAttachment> b)
    {
        b.ToTable("XapiAttachments");
        b.HasKey(x => x.Sha2);
        b.Property(x => x.Sha2).HasMaxLength(128);
        b.Property(x => x.ContentType).HasMaxLength(255);
    }

    public void Configure(EntityTypeBuilder<XapiActivity> b)
    {
        b.ToTable("XapiActivities");
        b.Property(x => x.Id).HasMaxLength(Iri);
    }

    public void Configure(EntityTypeBuilder<XapiClient> b)
    {
        b.ToTable("XapiClients");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Key).HasMaxLength(64);
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.SecretHash).HasMaxLength(64);
        b.Property(x => x.Scopes).HasMaxLength(400);
    }
}
