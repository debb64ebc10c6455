using System.Globalization;

namespace Hemisphere.Bench;

/// <summary>A wrong command line: the message is printed with the usage, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>A failure to report plainly (no stack trace), exit code 1.</summary>
public sealed class BenchException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>"verb --name value --flag": an option followed by a word that is not an option takes it as its value.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _options;

    private Arguments(string? verb, Dictionary<string, string?> options)
    {
        Verb = verb;
        _options = options;
    }

    public string? Verb { get; }

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var verb = args.Count > 0 && !args[0].StartsWith('-') ? args[0] : null;
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = verb is null ? 0 : 1; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"Unexpected argument '{name}'.");
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[name] = hasValue ? args[++i] : null;
        }
        return new Arguments(verb, options);
    }

    /// <summary>Fails on any option the verb does not know, so a typo is not silently ignored.</summary>
    public void AllowOnly(params string[] names)
    {
        foreach (var name in _options.Keys.Where(k => !names.Contains(k, StringComparer.Ordinal)))
            throw new UsageException($"Unknown option '{name}' for '{Verb}'.");
    }

    public bool Flag(string name)
    {
        if (!_options.TryGetValue(name, out var value)) return false;
        if (value is not null) throw new UsageException($"Option {name} takes no value.");
        return true;
    }

    public string? Text(string name)
    {
        if (!_options.TryGetValue(name, out var value)) return null;
        return value ?? throw new UsageException($"Option {name} needs a value.");
    }

    public string Required(string name) => Text(name) ?? throw new UsageException($"Option {name} is required.");

    public int Int(string name, int fallback, int min, int max)
    {
        var text = Text(name);
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new UsageException($"Option {name} must be a whole number from {min} to {max}, not '{text}'.");
        return value;
    }
}
