using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hemisphere.Platform.Api;
using Hemisphere.Platform.Data;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Hemisphere.Platform.Files;

/// <summary>
/// Keeps uploaded files on the local disk, content-addressed under <c>DataDirectory/files/ab/cd/&lt;sha256&gt;</c>
/// (identical content is stored once; the user's file name is never used on disk). An upload is streamed to
/// a temporary file while it is hashed and counted, checked (name, size, type by content, readable text) and
/// only then moved into place: after a refusal nothing remains on disk.
/// </summary>
public sealed class FileStore(HemispherePaths paths, IOptions<FilesOptions> options, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public const string Field = "file";

    private const int BufferSize = 81920;
    private static readonly string[] ReservedNames =
        ["CON", "PRN", "AUX", "NUL", "CLOCK$", "CONIN$", "CONOUT$",
         "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
         "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³"];

    /// <summary>The folder holding the stored files (and, under tmp, uploads in progress).</summary>
    public string Root { get; } = Path.Combine(paths.DataDirectory, "files");

    private FilesOptions Options => options.Value;

    /// <summary>
    /// Reads <paramref name="content"/> to its end (or to the size limit), checks it and stores it. Answers an
    /// unsaved <see cref="StoredFile"/> for the caller to add to its DbContext with its own entity, or Invalid
    /// with a message under "file".
    /// </summary>
    public async Task<Outcome<StoredFile>> SaveAsync(Stream content, string fileName, FileCategory allowed, Guid? userId, CancellationToken ct)
    {
        var (name, nameError) = CleanName(fileName);
        if (name is null) return Invalid(nameError!);

        var tmpDirectory = Path.Combine(Root, "tmp");
        Directory.CreateDirectory(tmpDirectory);
        var tmp = Path.Combine(tmpDirectory, Guid.CreateVersion7().ToString("N") + ".part");
        try
        {
            var readLimit = (allowed & FileCategory.Video) != 0 ? Math.Max(Options.MaxBytes, Options.MaxVideoBytes) : Options.MaxBytes;
            string sha;
            long length;
            FileType type;
            string? text = null;
            await using (var file = new FileStream(tmp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[BufferSize];
                length = 0;
                int n;
                while ((n = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, readLimit + 1 - length)), ct)) > 0)
                {
                    length += n;
                    if (length > readLimit) return Invalid(TooLarge(readLimit));
                    hash.AppendData(buffer, 0, n);
                    await file.WriteAsync(buffer.AsMemory(0, n), ct);
                }
                if (length == 0) return Invalid(l["Files.Empty"]);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());

                file.Position = 0;
                var id = FileTypes.Identify(file, name, allowed);
                if (id.Type is null) return Invalid(Explain(id, allowed));
                type = id.Type;
                var limit = type.Category == FileCategory.Video ? Options.MaxVideoBytes : Options.MaxBytes;
                if (length > limit) return Invalid(TooLarge(limit));

                if ((type.Category & FileCategory.Publication) != 0)
                {
                    var extracted = TextExtraction.Extract(file, type, new ExtractionLimits(MaxChars: Options.MaxExtractedChars));
                    if (extracted.Error == ExtractionError.BadPdf) return Invalid(l["Files.BadPdf"]);
                    if (extracted.Error == ExtractionError.BadDocument) return Invalid(l["Files.BadDocument"]);
                    text = extracted.Text;
                }
            }

            var path = PathOf(sha);
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                try
                {
                    File.Move(tmp, path);
                }
                catch (IOException) when (File.Exists(path))
                {
                    // The same content arrived at the same moment from another upload: it is stored already.
                }
            }
            if (FileTypes.ExtensionOf(name).Length == 0) name += "." + type.Extension;
            return Outcome<StoredFile>.Ok(new StoredFile
            {
                OriginalName = name,
                ContentType = type.ContentType,
                Extension = type.Extension,
                Length = length,
                Sha256 = sha,
                CreatedAt = clock.GetUtcNow(),
                CreatedBy = userId,
                ExtractedText = text,
            });
        }
        finally
        {
            try
            {
                File.Delete(tmp);
            }
            catch (IOException)
            {
                // Best effort; a leftover .part file holds no user data that is reachable.
            }
        }
    }

    /// <summary>The stored content, for reading (asynchronous, sequential). Throws FileNotFoundException when it is gone.</summary>
    public FileStream OpenRead(StoredFile file) =>
        new(PathOf(file.Sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public bool Exists(StoredFile file) => File.Exists(PathOf(file.Sha256));

    /// <summary>
    /// Serves the file over HTTP with range requests (206, Accept-Ranges, If-Range), ETag and Last-Modified,
    /// <c>X-Content-Type-Options: nosniff</c>, and <c>Content-Disposition: attachment</c> unless
    /// <paramref name="inline"/> is asked for a PDF, a video or an image.
    /// </summary>
    public IResult Serve(StoredFile file, bool inline) => new StoredFileResult(this, file, inline);

    /// <summary>Where content with this SHA-256 lives: files/ab/cd/abcd….</summary>
    internal string PathOf(string sha256)
    {
        if (sha256.Length != FileLimits.Sha256 || !sha256.All(char.IsAsciiHexDigitLower))
            throw new InvalidOperationException("Not a SHA-256 in lower-case hex: " + sha256);
        return Path.Combine(Root, sha256[..2], sha256[2..4], sha256);
    }

    /// <summary>
    /// The name to keep: control and bidirectional-override characters removed, characters that some systems
    /// forbid (&lt;&gt;:"|?*) replaced by '_', trimmed. Null with a message when it must be refused.
    /// </summary>
    internal (string? Name, string? Error) CleanName(string? fileName)
    {
        var sb = new StringBuilder(fileName?.Length ?? 0);
        foreach (var c in fileName ?? "")
        {
            if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F') continue;
            sb.Append(c is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? '_' : c);
        }
        var name = sb.ToString().Trim();
        if (name.Length == 0) return (null, l["Files.NameMissing"]);
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal)) return (null, l["Files.NamePath"]);
        if (name.Contains("..", StringComparison.Ordinal)) return (null, l["Files.NameDots"]);
        name = name.TrimEnd('.', ' ');
        if (name.Length == 0) return (null, l["Files.NameMissing"]);
        if (name.Length > FileLimits.Name) return (null, l["Files.NameTooLong", FileLimits.Name]);
        var stem = name.Split('.')[0].TrimEnd();
        if (ReservedNames.Contains(stem, StringComparer.OrdinalIgnoreCase)) return (null, l["Files.NameReserved"]);
        return (name, null);
    }

    private string Explain(FileIdentification id, FileCategory allowed)
    {
        var accepted = FileTypes.ExtensionsOf(allowed);
        return id.Problem switch
        {
            FileProblem.Mismatch => l["Files.Mismatch", id.NameExtension, Describe(id.LooksLike)],
            FileProblem.NoExtension => l["Files.NoExtension", string.Join(", ", id.Candidates.Select(c => "." + c.Extension))],
            FileProblem.NotAllowed => l["Files.NotAllowed", id.Candidates[0].Extension, accepted],
            _ => l["Files.Unsupported", Describe(id.LooksLike), accepted],
        };
    }

    private string Describe(ContentKind kind) => kind switch
    {
        ContentKind.Pdf => l["Files.Kind.Pdf"],
        ContentKind.WordProcessing => l["Files.Kind.WordProcessing"],
        ContentKind.Spreadsheet => l["Files.Kind.Spreadsheet"],
        ContentKind.Presentation => l["Files.Kind.Presentation"],
        ContentKind.LegacyOffice => l["Files.Kind.LegacyOffice"],
        ContentKind.Zip => l["Files.Kind.Zip"],
        ContentKind.Video => l["Files.Kind.Video"],
        ContentKind.Image => l["Files.Kind.Image"],
        ContentKind.PlainText => l["Files.Kind.PlainText"],
        ContentKind.Program => l["Files.Kind.Program"],
        _ => l["Files.Kind.Unknown"],
    };

    private string TooLarge(long limit)
    {
        var megabytes = Math.Max(0.01, Math.Round(limit / (1024.0 * 1024.0), 2));
        return l["Files.TooLarge", megabytes.ToString("0.##", CultureInfo.CurrentCulture)];
    }

    private static Outcome<StoredFile> Invalid(string message) => Outcome<StoredFile>.Invalid(Field, message);

    private sealed class StoredFileResult(FileStore store, StoredFile file, bool inline) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            if (!store.Exists(file)) return TypedResults.NotFound().ExecuteAsync(http);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            var showInline = inline && FileTypes.ByExtension(file.Extension)?.Inline == true;
            if (showInline)
            {
                var disposition = new ContentDispositionHeaderValue("inline");
                disposition.SetHttpFileName(file.OriginalName);
                http.Response.Headers.ContentDisposition = disposition.ToString();
            }
            return Results.File(store.PathOf(file.Sha256), file.ContentType,
                fileDownloadName: showInline ? null : file.OriginalName,
                lastModified: file.CreatedAt,
                entityTag: new EntityTagHeaderValue("\"" + file.Sha256 + "\""),
                enableRangeProcessing: true).ExecuteAsync(http);
        }
    }
}
