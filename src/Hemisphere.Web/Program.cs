using Hemisphere.Platform;
using Hemisphere.Platform.Cli;

var builder = WebApplication.CreateBuilder(args);
builder.AddHemisphere();
var app = builder.Build();

var command = CommandLine.Parse(args);
if (command.Verb is not null) return await Verbs.RunAsync(app, command);

app.UseHemisphere();
await Verbs.PrepareToServeAsync(app, command);
await app.RunAsync();
return 0;

/// <summary>Visible to the test host.</summary>
public partial class Program;
