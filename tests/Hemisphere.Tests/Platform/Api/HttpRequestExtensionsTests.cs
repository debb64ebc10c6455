using Hemisphere.Platform.Api;
using Microsoft.AspNetCore.Http;

namespace Hemisphere.Tests.Platform.Api;

public sealed class HttpRequestExtensionsTests
{
    [Theory]
    [InlineData("/api/v1/people", true)]
    [InlineData("/openapi/v1.json", true)]
    [InlineData("/hubs/chat", true)]
    [InlineData("/xapi/statements", true)]
    [InlineData("/XAPI/about", true)]
    [InlineData("/xapi", true)]
    [InlineData("/xapis", false)]
    [InlineData("/academy/records/clients", false)]
    [InlineData("/verify/ABC", false)]
    [InlineData("/", false)]
    public void Programs_get_problem_details_and_people_get_pages(string path, bool api)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        Assert.Equal(api, context.Request.IsApi());
    }
}
