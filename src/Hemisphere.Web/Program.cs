using Hemisphere.Platform;
using Hemisphere.Platform.Cli;

var command = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArguments);
builder.AddHemisphere();
var app = builder.Build();

if (command.Verb is not null) return await Verbs.RunAsync(app, command);

app.UseHemisphere();
await Verbs.PrepareToServeAsync(app, command);
await app.RunAsync();
return 0;

/// <summary>Visible to the test host.</summary>
public partial class Program;
