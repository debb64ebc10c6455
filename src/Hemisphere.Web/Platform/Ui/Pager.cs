using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Hemisphere.Platform.Ui;

/// <summary>Previous/next links that keep the current filters.</summary>
public sealed record Pager(int Number, int PageCount, string Path, IQueryCollection Query)
{
    public string UrlFor(int page)
    {
        var values = Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).ToList();
        values.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(Path, values);
    }

    public static Pager For<T>(Data.Page<T> page, HttpRequest request) => new(page.PageNumber, page.PageCount, request.Path, request.Query);
}
