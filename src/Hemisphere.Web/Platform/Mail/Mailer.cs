using System.Text.Json;
using Hemisphere.Platform.Data;
using Hemisphere.Platform.Outbox;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Hemisphere.Platform.Mail;

public sealed class MailOptions
{
    public string From { get; set; } = "Hemisphere <no-reply@hemisphere.local>";
    /// <summary>SMTP host; when empty, messages go to the pickup folder instead.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>auto, none, starttls or ssl.</summary>
    public string SmtpSecurity { get; set; } = "auto";
    /// <summary>Folder for .eml files when no SMTP host is set; default: DataDirectory/mail-pickup.</summary>
    public string? PickupDirectory { get; set; }
}

/// <summary>A mail to send; <paramref name="Headers"/> adds header fields (e.g. List-Unsubscribe).</summary>
public sealed record MailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>Queues mail in the outbox, so it leaves only if the change that caused it commits.</summary>
public sealed class Mailer(HemisphereDb db)
{
    public const string Kind = "mail.send";

    public void Enqueue(MailMessage message) => db.Outbox.Add(OutboxMessage.Create(Kind, message));
}

/// <summary>Sends queued mail over SMTP (MailKit), or writes it as .eml into the pickup folder.</summary>
public sealed class MailSender(Microsoft.Extensions.Options.IOptions<MailOptions> options, HemispherePaths paths) : IOutboxHandler
{
    public string Kind => Mailer.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var mail = JsonSerializer.Deserialize<MailMessage>(message.Payload)
            ?? throw new InvalidOperationException("Empty mail payload.");
        var o = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(o.From));
        mime.To.Add(MailboxAddress.Parse(mail.To));
        mime.Subject = mail.Subject;
        // The outbox id is the Message-ID: a redelivered message is recognisably the same mail.
        mime.MessageId = $"{message.Id:N}@hemisphere";
        foreach (var (name, value) in mail.Headers ?? new Dictionary<string, string>())
            mime.Headers.Add(name, value);
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        mime.Body = body.ToMessageBody();

        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            var folder = o.PickupDirectory ?? Path.Combine(paths.DataDirectory, "mail-pickup");
            Directory.CreateDirectory(folder);
            var final = Path.Combine(folder, $"{message.Id:N}.eml");
            var temp = final + ".tmp";
            await mime.WriteToAsync(temp, ct);
            File.Move(temp, final, overwrite: true);
            return;
        }

        using var smtp = new SmtpClient();
        var security = o.SmtpSecurity.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "ssl" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await smtp.ConnectAsync(o.SmtpHost, o.SmtpPort, security, ct);
        if (!string.IsNullOrEmpty(o.SmtpUser))
            await smtp.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        await smtp.SendAsync(mime, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}
