namespace Hemisphere.Platform.Ui;

/// <summary>Lists typed into one form field: one entry per line, or separated by the given character or ';'.</summary>
public static class FormLists
{
    public static List<string> Split(string? text, char separator = ',') =>
        (text ?? "").Split([separator, '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
