using Hemisphere.Platform.Api;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hemisphere.Platform.Ui;

public static class ModelStateExtensions
{
    /// <summary>Puts a service's field errors on the form; API field names (camelCase) map to the page's properties by prefix.</summary>
    public static void AddOutcomeErrors<T>(this ModelStateDictionary state, Outcome<T> outcome, string prefix = "")
    {
        foreach (var (field, messages) in outcome.Errors)
        {
            var key = field.Length == 0 ? "" : prefix + char.ToUpperInvariant(field[0]) + field[1..];
            foreach (var m in messages) state.AddModelError(key, m);
        }
    }
}
