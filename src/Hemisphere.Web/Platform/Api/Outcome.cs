namespace Hemisphere.Platform.Api;

public enum OutcomeKind { Ok, NotFound, Forbidden, Invalid, Conflict, TooManyRequests }

/// <summary>What a feature service answers: a value, or why not. Pages and endpoints map it to their own form.</summary>
public sealed class Outcome<T>
{
    private Outcome(OutcomeKind kind, T? value, IDictionary<string, string[]>? errors, string? detail)
    {
        Kind = kind;
        Value = value;
        Errors = errors ?? new Dictionary<string, string[]>();
        Detail = detail;
    }

    public OutcomeKind Kind { get; }
    public T? Value { get; }
    public IDictionary<string, string[]> Errors { get; }
    public string? Detail { get; }
    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null);
    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, null, null);
    public static Outcome<T> Forbidden() => new(OutcomeKind.Forbidden, default, null, null);
    public static Outcome<T> Conflict(string detail) => new(OutcomeKind.Conflict, default, null, detail);

    /// <summary>Refused for going too fast (a flood limit): the API answers 429 with the detail.</summary>
    public static Outcome<T> TooManyRequests(string field, string detail) =>
        new(OutcomeKind.TooManyRequests, default, new Dictionary<string, string[]> { [field] = [detail] }, detail);
    public static Outcome<T> Invalid(IDictionary<string, string[]> errors) => new(OutcomeKind.Invalid, default, errors, null);
    public static Outcome<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>The same refusal as an outcome of another type (not for an Ok outcome: its value would be lost).</summary>
    public Outcome<TOther> Refusal<TOther>() =>
        IsOk ? throw new InvalidOperationException("An Ok outcome is not a refusal.") : new(Kind, default, Errors, Detail);
}
