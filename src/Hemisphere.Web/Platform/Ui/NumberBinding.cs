using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hemisphere.Platform.Ui;

/// <summary>
/// Decimal and double form fields in every language. An HTML number input always sends a dot ("3.5") whatever the page's
/// language, while the framework reads form values in the request's culture, where "3.5" is thirty-five in Spanish or
/// French. This binder reads the invariant form first, then the culture's ("3,5" typed in a text field); anything else is
/// the framework's usual "not a valid value" error.
/// </summary>
public sealed class NumberBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(decimal) || type == typeof(double) ? new NumberBinder(type) : null;
    }

    private sealed class NumberBinder(Type type) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var result = context.ValueProvider.GetValue(context.ModelName);
            if (result == ValueProviderResult.None) return Task.CompletedTask;
            context.ModelState.SetModelValue(context.ModelName, result);
            var text = result.FirstValue?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (!context.ModelMetadata.IsReferenceOrNullableType)
                    context.ModelState.TryAddModelError(context.ModelName, context.ModelMetadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(result.FirstValue ?? ""));
                else context.Result = ModelBindingResult.Success(null);
                return Task.CompletedTask;
            }
            // Invariant without group separators (what number inputs send), then the culture with them, as the framework reads it.
            const NumberStyles plain = NumberStyles.Float;
            const NumberStyles local = NumberStyles.Float | NumberStyles.AllowThousands;
            object? value = type == typeof(decimal)
                ? decimal.TryParse(text, plain, CultureInfo.InvariantCulture, out var d) || decimal.TryParse(text, local, result.Culture, out d) ? d : null
                : double.TryParse(text, plain, CultureInfo.InvariantCulture, out var f) || double.TryParse(text, local, result.Culture, out f) ? f : null;
            if (value is null)
                context.ModelState.TryAddModelError(context.ModelName,
                    context.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, context.ModelMetadata.GetDisplayName()));
            else context.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
    }
}
