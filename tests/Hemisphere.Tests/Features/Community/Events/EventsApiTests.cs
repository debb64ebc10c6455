using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hemisphere.Features.Community.Events;
using Hemisphere.Features.Library;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Identity;
using Hemisphere.Tests.Features.Library;
using Hemisphere.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hemisphere.Tests.Features.Community.Events;

[Collection(AppsCollection.Name)]
public sealed class EventsApiTests(Apps apps)
{
    private const string Zone = "America/Tegucigalpa";

    /// <summary>A whole hour, some days ahead, so that nothing is due for reminders by accident.</summary>
    private static DateTimeOffset Hour(double hoursAhead)
    {
        var t = DateTimeOffset.UtcNow.AddHours(hoursAhead);
        return new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero);
    }

    public static JsonObject Input(string? title = null, string kind = "in-person", DateTimeOffset? startsAt = null, int? capacity = null,
        string visibility = "public", string? onlineUrl = null, string timeZone = Zone)
    {
        var start = startsAt ?? Hour(24 * 10);
        title ??= "Course " + Guid.NewGuid().ToString("N")[..8];
        return JsonNode.Parse(JsonSerializer.Serialize(new
        {
            title = new { en = title, es = "Curso " + title },
            description = new { en = "What the course covers.", es = "Lo que cubre el curso." },
            kind,
            startsAt = start,
            endsAt = start.AddHours(3),
            timeZone,
            venue = "Academia Nacional de Policía",
            address = "Carretera CA-5",
            city = "Tegucigalpa",
            countryCode = "HN",
            onlineUrl,
            capacity,
            visibility,
        }))!.AsObject();
    }

    private static async Task<JsonElement> CreateAsync(HttpClient organiser, JsonObject input, bool publish = true)
    {
        var response = await organiser.PostAsJsonAsync("/api/v1/events", input);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.JsonAsync();
        if (!publish) return created;
        var published = await organiser.PostAsync($"/api/v1/events/{created.GetProperty("id").GetString()}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return await published.JsonAsync();
    }

    private static async Task<JsonElement> RegisterAsync(HttpClient client, string id)
    {
        var response = await client.PostAsync($"/api/v1/events/{id}/registration", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static Task<int> CountEventsAsync(HemisphereApp app) => app.WithDbAsync(db => db.Set<Event>().CountAsync());

    [Theory, BothProviders]
    public async Task An_editor_creates_and_publishes_a_learner_cannot_and_drafts_and_members_only_events_are_hidden(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var anonymous = app.CreateClient();

        await (await learner.PostAsJsonAsync("/api/v1/events", Input())).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/events", Input())).StatusCode);

        var draft = await CreateAsync(editor, Input("Investigación de la trata"), publish: false);
        var id = draft.GetProperty("id").GetString()!;
        var slug = draft.GetProperty("slug").GetString()!;
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.StartsWith("investigacion-de-la-trata", slug, StringComparison.Ordinal);
        await (await anonymous.GetAsync($"/api/v1/events/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await learner.GetAsync($"/api/v1/events/{slug}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/events/{slug}")).StatusCode);
        // A learner who cannot see the draft cannot publish it either.
        await (await learner.PostAsync($"/api/v1/events/{id}/publish", null)).ProblemAsync(HttpStatusCode.NotFound);

        var published = await (await editor.PostAsync($"/api/v1/events/{id}/publish", null)).JsonAsync();
        Assert.Equal("published", published.GetProperty("status").GetString());
        await (await editor.PostAsync($"/api/v1/events/{id}/publish", null)).ProblemAsync(HttpStatusCode.Conflict);
        var seen = await (await anonymous.GetAsync($"/api/v1/events/{slug}?lang=es")).JsonAsync();
        Assert.Equal("Curso Investigación de la trata", seen.GetProperty("title").GetString());
        Assert.Equal("es", seen.GetProperty("language").GetString());
        // Local time of the event's zone: Tegucigalpa is UTC-6 all year.
        Assert.EndsWith("-06:00", seen.GetProperty("localStartsAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/events/{slug}")).StatusCode);
        // The learner sees it but may not change it.
        await (await learner.PutAsJsonAsync($"/api/v1/events/{id}", Input())).ProblemAsync(HttpStatusCode.Forbidden);
        await (await learner.PostAsync($"/api/v1/events/{id}/cancel", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await learner.GetAsync($"/api/v1/events/{id}/registrations")).ProblemAsync(HttpStatusCode.Forbidden);

        var members = await CreateAsync(editor, Input(visibility: "members"));
        var membersSlug = members.GetProperty("slug").GetString()!;
        await (await anonymous.GetAsync($"/api/v1/events/{membersSlug}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/events/{membersSlug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/events/{membersSlug}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync($"/api/v1/events/{membersSlug}")).StatusCode);
        var anonymousList = await (await anonymous.GetAsync("/api/v1/events?pageSize=200")).JsonAsync();
        var listed = anonymousList.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("slug").GetString()).ToList();
        Assert.Contains(slug, listed);
        Assert.DoesNotContain(membersSlug, listed);

        // Pages: the list, the form (403 for a learner), the attendance sheet for organisers only.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/events")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/events/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/events/new")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/events/{slug}/attendance")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync($"/events/{slug}/attendance")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task An_institution_manager_organises_only_for_their_institution(DatabaseProvider provider)
    {
        var app = apps[provider];
        var mine = await app.AddInstitutionAsync("HN");
        var other = await app.AddInstitutionAsync("GT");
        var manager = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, institution: mine.Id);
        await (await manager.PostAsJsonAsync("/api/v1/events", Input())).ValidationProblemAsync("organiserInstitutionId");
        var foreign = Input();
        foreign["organiserInstitutionId"] = other.Id;
        await (await manager.PostAsJsonAsync("/api/v1/events", foreign)).ValidationProblemAsync("organiserInstitutionId");
        var own = Input();
        own["organiserInstitutionId"] = mine.Id;
        var created = await CreateAsync(manager, own);
        Assert.Equal(mine.Name, created.GetProperty("organiserInstitution").GetString());
        // Another manager of the same institution manages it too; one of another institution does not.
        var colleague = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, institution: mine.Id);
        var stranger = await app.ClientForRoleAsync(HemisphereRole.InstitutionManager, institution: other.Id);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/api/v1/events/{id}/registrations")).StatusCode);
        await (await stranger.GetAsync($"/api/v1/events/{id}/registrations")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, BothProviders]
    public async Task Registration_fills_the_seats_then_the_waiting_list_and_a_cancellation_promotes_the_first_waiting(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var e = await CreateAsync(editor, Input(capacity: 2));
        var id = e.GetProperty("id").GetString()!;
        var users = new List<TestUser>();
        var clients = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            users.Add(await app.CreateUserAsync(HemisphereRole.Learner));
            clients.Add(await app.ClientForAsync(users[^1]));
        }
        Assert.Equal("registered", (await RegisterAsync(clients[0], id)).GetProperty("status").GetString());
        Assert.Equal("registered", (await RegisterAsync(clients[1], id)).GetProperty("status").GetString());
        var third = await RegisterAsync(clients[2], id);
        Assert.Equal("waitlisted", third.GetProperty("status").GetString());
        Assert.Equal(1, third.GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(2, (await RegisterAsync(clients[3], id)).GetProperty("waitlistPosition").GetInt32());
        // Registering twice answers the same place.
        Assert.Equal(2, (await RegisterAsync(clients[3], id)).GetProperty("waitlistPosition").GetInt32());

        var seen = await (await clients[0].GetAsync($"/api/v1/events/{id}")).JsonAsync();
        Assert.Equal(2, seen.GetProperty("registered").GetInt32());
        Assert.Equal(2, seen.GetProperty("waitlisted").GetInt32());
        Assert.Equal(0, seen.GetProperty("seatsLeft").GetInt32());

        var cancelled = await (await clients[0].DeleteAsync($"/api/v1/events/{id}/registration")).JsonAsync();
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        await (await clients[0].DeleteAsync($"/api/v1/events/{id}/registration")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("registered", (await (await clients[2].GetAsync($"/api/v1/events/{id}/registration")).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(1, (await (await clients[3].GetAsync($"/api/v1/events/{id}/registration")).JsonAsync()).GetProperty("waitlistPosition").GetInt32());
        var mail = await app.WaitForMailAsync(users[2].Email);
        Assert.Contains("You have a seat", mail, StringComparison.Ordinal);

        // The organiser's list: two registered, one waiting, one cancelled.
        var list = await (await editor.GetAsync($"/api/v1/events/{id}/registrations")).JsonAsync();
        Assert.Equal(["registered", "registered", "waitlisted", "cancelled"], list.EnumerateArray().Select(r => r.GetProperty("status").GetString()));

        // Raising the capacity promotes the rest of the waiting list.
        var more = Input(capacity: 5, startsAt: e.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsJsonAsync($"/api/v1/events/{id}", more)).StatusCode);
        Assert.Equal("registered", (await (await clients[3].GetAsync($"/api/v1/events/{id}/registration")).JsonAsync()).GetProperty("status").GetString());
    }

    [Theory, BothProviders]
    public async Task Ten_simultaneous_registrations_for_the_last_seat_give_it_to_exactly_one(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var e = await CreateAsync(editor, Input(capacity: 1));
        var id = e.GetProperty("id").GetString()!;
        var clients = new List<HttpClient>();
        for (var i = 0; i < 10; i++) clients.Add(await app.ClientForRoleAsync(HemisphereRole.Learner));

        using var start = new SemaphoreSlim(0);
        var tasks = clients.Select(async c =>
        {
            await start.WaitAsync();
            return await c.PostAsync($"/api/v1/events/{id}/registration", null);
        }).ToList();
        start.Release(clients.Count);
        var responses = await Task.WhenAll(tasks);
        foreach (var r in responses) Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        var statuses = new List<string>();
        foreach (var r in responses) statuses.Add((await r.JsonAsync()).GetProperty("status").GetString()!);
        Assert.Equal(1, statuses.Count(s => s == "registered"));
        Assert.Equal(9, statuses.Count(s => s == "waitlisted"));

        var stored = await app.WithDbAsync(db => db.Set<EventRegistration>().Where(r => r.EventId == Guid.Parse(id)).GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(1, stored.Single(s => s.Key == RegistrationStatus.Registered).Count);
        Assert.Equal(9, stored.Single(s => s.Key == RegistrationStatus.Waitlisted).Count);
        // Positions 1..9 on the waiting list, each once.
        var positions = new List<int>();
        foreach (var c in clients)
        {
            var mine = await (await c.GetAsync($"/api/v1/events/{id}/registration")).JsonAsync();
            if (mine.GetProperty("status").GetString() == "waitlisted") positions.Add(mine.GetProperty("waitlistPosition").GetInt32());
        }
        Assert.Equal(Enumerable.Range(1, 9), positions.Order());
    }

    [Theory, BothProviders]
    public async Task The_online_link_is_shown_only_to_registered_participants(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var link = "https://meet.example.org/trata-" + Guid.NewGuid().ToString("N")[..6];
        var webinar = Input("Trafficking indicators", kind: "webinar", onlineUrl: link, capacity: 1);
        webinar.Remove("countryCode");
        var e = await CreateAsync(editor, webinar);
        var id = e.GetProperty("id").GetString()!;
        var slug = e.GetProperty("slug").GetString()!;
        Assert.Equal(link, e.GetProperty("onlineUrl").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("place").ValueKind);

        var anonymous = app.CreateClient();
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        var waiting = await app.ClientForRoleAsync(HemisphereRole.Learner);
        Assert.Equal(JsonValueKind.Null, (await (await anonymous.GetAsync($"/api/v1/events/{id}")).JsonAsync()).GetProperty("onlineUrl").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await (await learner.GetAsync($"/api/v1/events/{id}")).JsonAsync()).GetProperty("onlineUrl").ValueKind);
        Assert.DoesNotContain(link, await anonymous.GetStringAsync($"/events/{slug}"), StringComparison.Ordinal);
        Assert.DoesNotContain(link, await anonymous.GetStringAsync($"/events/{slug}.ics"), StringComparison.Ordinal);

        await RegisterAsync(learner, id);
        Assert.Equal("waitlisted", (await RegisterAsync(waiting, id)).GetProperty("status").GetString());
        Assert.Equal(link, (await (await learner.GetAsync($"/api/v1/events/{id}")).JsonAsync()).GetProperty("onlineUrl").GetString());
        Assert.Equal(JsonValueKind.Null, (await (await waiting.GetAsync($"/api/v1/events/{id}")).JsonAsync()).GetProperty("onlineUrl").ValueKind);
        Assert.Contains(link, await learner.GetStringAsync($"/events/{slug}"), StringComparison.Ordinal);
        var ics = Ical.Net.Calendar.Load(await learner.GetStringAsync($"/events/{slug}.ics"))!;
        Assert.Equal(new Uri(link), ics.Events.Single().Url);
        Assert.DoesNotContain(link, await waiting.GetStringAsync($"/events/{slug}.ics"), StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task Attendance_is_marked_by_organisers_only_and_only_after_the_start(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var e = await CreateAsync(editor, Input());
        var id = e.GetProperty("id").GetString()!;
        var participant = await app.CreateUserAsync(HemisphereRole.Learner);
        var client = await app.ClientForAsync(participant);
        await RegisterAsync(client, id);
        var present = new { userId = participant.Id, attendance = "present" };

        await (await editor.PutAsJsonAsync($"/api/v1/events/{id}/attendance", present)).ProblemAsync(HttpStatusCode.Conflict);

        // The event starts: move it into the past.
        await app.WithDbAsync(db => db.Set<Event>().Where(x => x.Id == Guid.Parse(id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, DateTimeOffset.UtcNow.AddHours(-1)).SetProperty(x => x.EndsAt, DateTimeOffset.UtcNow.AddHours(1))));

        await (await client.PutAsJsonAsync($"/api/v1/events/{id}/attendance", present)).ProblemAsync(HttpStatusCode.Forbidden);
        var otherEditor = await app.ClientForRoleAsync(HemisphereRole.Editor, country: "GT");
        await (await otherEditor.PutAsJsonAsync($"/api/v1/events/{id}/attendance", present)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await editor.PutAsJsonAsync($"/api/v1/events/{id}/attendance", new { userId = participant.Id, attendance = "asleep" })).ValidationProblemAsync("attendance");
        await (await editor.PutAsJsonAsync($"/api/v1/events/{id}/attendance", new { userId = Guid.NewGuid(), attendance = "present" })).ProblemAsync(HttpStatusCode.NotFound);
        var marked = await (await editor.PutAsJsonAsync($"/api/v1/events/{id}/attendance", present)).JsonAsync();
        Assert.Equal("present", marked.GetProperty("attendance").GetString());
        // Too late to cancel once started.
        await (await client.DeleteAsync($"/api/v1/events/{id}/registration")).ProblemAsync(HttpStatusCode.Conflict);

        // The sheet: organisers post one mark per participant.
        var slug = e.GetProperty("slug").GetString()!;
        var page = $"/events/{slug}/attendance";
        var html = await editor.GetStringAsync(page);
        Assert.Contains($"Marks[{participant.Id}]", html, StringComparison.Ordinal);
        var posted = await editor.PostFormAsync(page, new Dictionary<string, string> { [$"Marks[{participant.Id}]"] = "excused" });
        // The client follows the redirect (without its bearer token): the message shows the save.
        Assert.Contains("<p class=\"notice\" role=\"status\">Saved.</p>", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var list = await (await editor.GetAsync($"/api/v1/events/{id}/registrations")).JsonAsync();
        Assert.Equal("excused", list.EnumerateArray().Single().GetProperty("attendance").GetString());
    }

    [Theory, BothProviders]
    public async Task A_reminder_goes_once_in_the_participants_language_a_day_before_the_start(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var start = Hour(30);
        var e = await CreateAsync(editor, Input("Regional prevention network meeting", startsAt: start));
        var id = Guid.Parse(e.GetProperty("id").GetString()!);
        var spanish = await app.CreateUserAsync(HemisphereRole.Learner, language: "es");
        await RegisterAsync(await app.ClientForAsync(spanish), id.ToString());

        async Task SendAsync(DateTimeOffset now)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReminderService>().SendDueAsync(now);
        }
        Task<DateTimeOffset?> SentAtAsync() => app.WithDbAsync(db => db.Set<EventRegistration>().Where(r => r.EventId == id).Select(r => r.ReminderSentAt).SingleAsync());

        await SendAsync(start.AddHours(-25));
        Assert.Null(await SentAtAsync());
        await SendAsync(start.AddHours(-23));
        Assert.Equal(start.AddHours(-23), await SentAtAsync());
        await SendAsync(start.AddHours(-22));
        await SendAsync(start.AddHours(-1));

        var mail = await app.WaitForMailAsync(spanish.Email);
        Assert.StartsWith("Recordatorio: Curso Regional prevention network meeting", mail, StringComparison.Ordinal);
        var local = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById(Zone));
        Assert.Contains(local.ToString("f", CultureInfo.GetCultureInfo("es")), mail, StringComparison.Ordinal);
        Assert.Contains("America/Tegucigalpa, UTC-06:00", mail, StringComparison.Ordinal);
        Assert.Contains("Lugar: Academia Nacional de Policía, Carretera CA-5, Tegucigalpa", mail, StringComparison.Ordinal);
        Assert.Contains($"/events/{e.GetProperty("slug").GetString()}.ics", mail, StringComparison.Ordinal);
        // Never twice: once the outbox has delivered everything due, count.
        await app.WaitForOutboxDrainedAsync();
        Assert.Equal(1, await MailCountAsync(app, spanish.Email));
    }

    private static async Task<int> MailCountAsync(HemisphereApp app, string to)
    {
        if (!System.IO.Directory.Exists(app.MailFolder)) return 0;
        var n = 0;
        foreach (var file in System.IO.Directory.GetFiles(app.MailFolder, "*.eml"))
        {
            var message = await MimeKit.MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))) n++;
        }
        return n;
    }

    [Theory, BothProviders]
    public async Task The_ics_file_parses_back_with_the_times_in_the_events_zone(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var start = Hour(24 * 20);
        var longTitle = "Curso presencial sobre investigación criminal de la trata de personas y el tráfico ilícito de migrantes en Centroamérica";
        var input = Input(longTitle, startsAt: start);
        input["title"]!["es"] = longTitle;
        var e = await CreateAsync(editor, input);
        var id = e.GetProperty("id").GetString()!;
        var slug = e.GetProperty("slug").GetString()!;

        var response = await app.CreateClient().GetAsync($"/events/{slug}.ics?lang=es");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        // RFC 5545: CRLF line ends, lines folded at 75 octets.
        Assert.DoesNotContain(text.Replace("\r\n", "", StringComparison.Ordinal), "\n", StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Contains("\r\n ", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", text, StringComparison.Ordinal);

        var calendar = Ical.Net.Calendar.Load(text)!;
        var vevent = Assert.Single(calendar.Events);
        Assert.Equal($"{id}@localhost", vevent.Uid);
        Assert.Equal(longTitle, vevent.Summary);
        Assert.Equal(Zone, vevent.DtStart!.TzId);
        var local = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById(Zone));
        Assert.Equal(local.Hour, vevent.DtStart.Hour);
        Assert.Equal(start.UtcDateTime, vevent.DtStart.AsUtc);
        Assert.Equal(start.AddHours(3).UtcDateTime, vevent.DtEnd!.AsUtc);
        Assert.Equal(Zone, Assert.Single(calendar.TimeZones).TzId);
        Assert.Contains("Tegucigalpa", vevent.Location, StringComparison.Ordinal);
        Assert.Equal("CONFIRMED", vevent.Status);
        Assert.NotNull(vevent.Organizer);
        Assert.NotNull(vevent.DtStamp);
        var sequence = vevent.Sequence;

        // Each change increments SEQUENCE; a cancelled event says so.
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsJsonAsync($"/api/v1/events/{id}", Input(longTitle, startsAt: start.AddHours(1)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/events/{id}/cancel", null)).StatusCode);
        var after = Ical.Net.Calendar.Load(await app.CreateClient().GetStringAsync($"/events/{slug}.ics"))!.Events.Single();
        Assert.Equal(sequence + 2, after.Sequence);
        Assert.Equal("CANCELLED", after.Status);
        Assert.Equal(start.AddHours(1).UtcDateTime, after.DtStart!.AsUtc);
        Assert.Equal(longTitle, after.Summary);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/events/no-such-event.ics")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task The_calendar_feed_lists_only_the_users_registrations_and_an_old_or_wrong_token_is_404(DatabaseProvider provider)
    {
        var app = apps[provider];
        var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
        var mine = await CreateAsync(editor, Input());
        var notMine = await CreateAsync(editor, Input());
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        await RegisterAsync(learner, mine.GetProperty("id").GetString()!);
        var someoneElse = await app.ClientForRoleAsync(HemisphereRole.Learner);
        await RegisterAsync(someoneElse, notMine.GetProperty("id").GetString()!);

        var feed = await (await learner.GetAsync("/api/v1/events/calendar-feed")).JsonAsync();
        var url = new Uri(feed.GetProperty("url").GetString()!);
        // Each signed address of the same stamp works (the signature differs each time it is made).
        var again = new Uri((await (await learner.GetAsync("/api/v1/events/calendar-feed")).JsonAsync()).GetProperty("url").GetString()!);
        var anonymous = app.CreateClient();
        var calendar = Ical.Net.Calendar.Load(await anonymous.GetStringAsync(url.PathAndQuery))!;
        Assert.Equal([$"{mine.GetProperty("id").GetString()}@localhost"], calendar.Events.Select(e => e.Uid));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(again.PathAndQuery)).StatusCode);

        var regenerated = await (await learner.PostAsync("/api/v1/events/calendar-feed", null)).JsonAsync();
        var next = new Uri(regenerated.GetProperty("url").GetString()!);
        Assert.NotEqual(url, next);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(again.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(next.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/not-a-token.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/events/calendar-feed")).StatusCode);
        // The page shows the address and regenerates it.
        Assert.Contains("http://localhost/calendar/", await learner.GetStringAsync("/events/mine"), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "end-before-start", "endsAt" },
        { "unknown-zone", "timeZone" },
        { "unknown-country", "countryCode" },
        { "javascript-link", "onlineUrl" },
        { "capacity-zero", "capacity" },
        { "capacity-negative", "capacity" },
        { "title-too-long", "title.en" },
        { "no-title", "title" },
        { "bad-kind", "kind" },
    };

    [Theory, MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_created(string bad, string field)
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            var app = apps[provider];
            var editor = await app.ClientForRoleAsync(HemisphereRole.Editor);
            var input = Input(kind: "hybrid");
            switch (bad)
            {
                case "end-before-start": input["endsAt"] = DateTimeOffset.UtcNow.AddDays(1); input["startsAt"] = DateTimeOffset.UtcNow.AddDays(2); break;
                case "unknown-zone": input["timeZone"] = "Mars/Olympus_Mons"; break;
                case "unknown-country": input["countryCode"] = "XX"; break;
                case "javascript-link": input["onlineUrl"] = "javascript:alert(1)"; break;
                case "capacity-zero": input["capacity"] = 0; break;
                case "capacity-negative": input["capacity"] = -3; break;
                case "title-too-long": input["title"]!["en"] = new string('a', 201); break;
                case "no-title": input["title"] = new JsonObject(); break;
                case "bad-kind": input["kind"] = "picnic"; break;
            }
            var before = await CountEventsAsync(app);
            await (await editor.PostAsJsonAsync("/api/v1/events", input)).ValidationProblemAsync(field);
            Assert.Equal(before, await CountEventsAsync(app));
        }
    }

    [Theory, BothProviders]
    public async Task Past_events_keep_materials_linking_to_library_items(DatabaseProvider provider)
    {
        var app = apps[provider];
        var admin = await app.ClientForRoleAsync(HemisphereRole.Administrator);
        var item = await LibraryApiTests.CreateAsync(admin, LibraryApiTests.Item("Guía de policía comunitaria " + Guid.NewGuid().ToString("N")[..6]));
        var itemSlug = item.GetProperty("slug").GetString()!;
        var e = await CreateAsync(admin, Input("Community policing course " + Guid.NewGuid().ToString("N")[..6]));
        var id = e.GetProperty("id").GetString()!;

        // A draft library item is not a material yet.
        await (await admin.PostAsJsonAsync($"/api/v1/events/{id}/materials", new { libraryItem = itemSlug })).ValidationProblemAsync("libraryItem");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/library/items/{item.GetProperty("id").GetString()}/publish", null)).StatusCode);
        await (await admin.PostAsJsonAsync($"/api/v1/events/{id}/materials", new { title = "Slides", url = "javascript:alert(1)" })).ValidationProblemAsync("url");
        await (await admin.PostAsJsonAsync($"/api/v1/events/{id}/materials", new { title = "Nothing" })).ValidationProblemAsync("url");
        var learner = await app.ClientForRoleAsync(HemisphereRole.Learner);
        await (await learner.PostAsJsonAsync($"/api/v1/events/{id}/materials", new { title = "Slides", url = "https://example.org/s.pdf" })).ProblemAsync(HttpStatusCode.Forbidden);

        var linked = await (await admin.PostAsJsonAsync($"/api/v1/events/{id}/materials", new { libraryItem = itemSlug })).JsonAsync();
        Assert.Equal("/library/" + itemSlug, linked.GetProperty("url").GetString());
        Assert.StartsWith("Guía de policía comunitaria", linked.GetProperty("title").GetString(), StringComparison.Ordinal);
        var slides = await (await admin.PostAsJsonAsync($"/api/v1/events/{id}/materials", new { title = "Slides", url = "https://example.org/s.pdf" })).JsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/events/{id}/materials/{slides.GetProperty("id").GetString()}")).StatusCode);

        await app.WithDbAsync(db => db.Set<Event>().Where(x => x.Id == Guid.Parse(id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, DateTimeOffset.UtcNow.AddDays(-3)).SetProperty(x => x.EndsAt, DateTimeOffset.UtcNow.AddDays(-3).AddHours(4))));
        var past = await (await app.CreateClient().GetAsync("/api/v1/events?past=true&pageSize=200")).JsonAsync();
        var listed = past.GetProperty("items").EnumerateArray().Single(x => x.GetProperty("id").GetString() == id);
        Assert.Equal(1, listed.GetProperty("materialCount").GetInt32());
        var html = await app.CreateClient().GetStringAsync("/events");
        Assert.Contains("/library/" + itemSlug, html, StringComparison.Ordinal);
    }
}
