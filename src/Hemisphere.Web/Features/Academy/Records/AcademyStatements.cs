using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hemisphere.Features.Community.Events;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hemisphere.Features.Academy.Records;

/// <summary>
/// Something a learner did in the academy, to be recorded as an xAPI statement. <see cref="Key"/> names the event
/// (e.g. "lesson-launched:{enrolment}:{lesson}"): the statement's id is derived from it, so the same event
/// delivered twice stores one statement.
/// </summary>
public sealed record AcademyLearningEvent(
    string Key, string Verb, Guid LearnerId, string ObjectPath, string ObjectName, string ObjectType,
    Guid? EnrolmentId, DateTimeOffset At, decimal? ScorePercent = null, bool? Success = null, bool? Completion = null);

/// <summary>
/// Writes the academy's events to the Learning Record Store. The event is queued in the outbox by the change that
/// causes it (same SaveChanges); this handler turns it into a statement whose authority is the academy itself.
/// The actor is the learner as an account of the site (homePage = the site's public address, name = the learner's
/// id): an e-mail address is never given away to the LRS's readers.
/// </summary>
public sealed class AcademyStatements(HemisphereDb db, StatementService statements, IConfiguration config) : IOutboxHandler
{
    public const string EventKind = "academy.xapi";

    public static class Verbs
    {
        public const string Launched = "http://adlnet.gov/expapi/verbs/launched";
        public const string Attended = "http://adlnet.gov/expapi/verbs/attended";
        public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
        public const string Passed = "http://adlnet.gov/expapi/verbs/passed";
        public const string Failed = "http://adlnet.gov/expapi/verbs/failed";
        public const string Earned = "http://id.tincanapi.com/verb/earned";
    }

    public static class ActivityTypes
    {
        public const string Lesson = "http://adlnet.gov/expapi/activities/lesson";
        public const string Course = "http://adlnet.gov/expapi/activities/course";
        public const string Assessment = "http://adlnet.gov/expapi/activities/assessment";
        public const string Meeting = "http://adlnet.gov/expapi/activities/meeting";
        public const string Certificate = "https://w3id.org/xapi/adl/activity-types/certificate";
    }

    /// <summary>Queues the event with the caller's unit of work: it is recorded when the caller saves.</summary>
    public static void Queue(HemisphereDb db, AcademyLearningEvent e) => db.Outbox.Add(OutboxMessage.Create(EventKind, e));

    /// <summary>The statement id of an event: a name-based UUID (version 5 layout, SHA-1) of its key.</summary>
    public static Guid StatementId(string key)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("hemisphere-academy-xapi:" + key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public string Kind => EventKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var e = JsonSerializer.Deserialize<AcademyLearningEvent>(message.Payload) ?? throw new InvalidOperationException("Empty academy learning event.");
        var id = StatementId(e.Key);
        if (await db.Set<XapiStatement>().AnyAsync(s => s.Id == id, ct)) return;
        var baseUrl = EventsCalendar.PublicBaseUrl(config);
        try
        {
            await statements.StoreAsync(XapiCaller.Academy(baseUrl), [Statement(e, id, baseUrl)], [], null, ct);
        }
        catch (XapiException x) when (x.Status == 409)
        {
            // Delivered twice at once: the other delivery stored it.
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Set<XapiStatement>().AnyAsync(s => s.Id == id, ct)) throw;
        }
    }

    public static JsonObject Statement(AcademyLearningEvent e, Guid id, string baseUrl)
    {
        var word = e.Verb[(e.Verb.LastIndexOf('/') + 1)..];
        var s = new JsonObject
        {
            ["id"] = id.ToString(),
            ["actor"] = new JsonObject { ["objectType"] = "Agent", ["account"] = new JsonObject { ["homePage"] = baseUrl, ["name"] = e.LearnerId.ToString() } },
            ["verb"] = new JsonObject { ["id"] = e.Verb, ["display"] = new JsonObject { ["en-US"] = word } },
            ["object"] = new JsonObject
            {
                ["objectType"] = "Activity",
                ["id"] = baseUrl + "/" + e.ObjectPath.TrimStart('/'),
                ["definition"] = new JsonObject { ["name"] = new JsonObject { ["en"] = string.IsNullOrWhiteSpace(e.ObjectName) ? word : e.ObjectName }, ["type"] = e.ObjectType },
            },
        };
        if (e.ScorePercent is not null || e.Success is not null || e.Completion is not null)
        {
            var result = new JsonObject();
            if (e.ScorePercent is { } p) result["score"] = new JsonObject { ["scaled"] = Math.Clamp((double)p / 100, -1, 1), ["raw"] = (double)p, ["min"] = 0, ["max"] = 100 };
            if (e.Success is { } ok) result["success"] = ok;
            if (e.Completion is { } done) result["completion"] = done;
            s["result"] = result;
        }
        var context = new JsonObject { ["platform"] = "Hemisphere" };
        if (e.EnrolmentId is { } enrolment) context["registration"] = enrolment.ToString();
        s["context"] = context;
        s["timestamp"] = StatementService.Format(e.At);
        return s;
    }
}
