namespace Hemisphere.Features.Academy.Dashboards;

/// <summary>
/// Counts the whole academy's dashboards (staff's view, by each dimension) once, shortly after the node starts, so their
/// first reader does not wait for a count over every enrolment. Later recounts happen behind readers
/// (<see cref="DashboardSnapshots"/>). Setting "Academy:Dashboards:WarmUp" = false turns it off.
/// </summary>
public sealed class DashboardWarmUp(IServiceScopeFactory scopes, IConfiguration config, ILogger<DashboardWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Academy:Dashboards:WarmUp", true)) return;
        try
        {
            await Task.Delay(config.GetValue("Academy:Dashboards:WarmUpDelay", TimeSpan.FromSeconds(10)), stoppingToken);
            foreach (var by in Enum.GetValues<DashboardDimension>())
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AcademyDashboardService>().WarmUpAsync(by, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Not fatal: the first reader counts instead.
            logger.LogWarning(e, "Counting the academy's dashboards ahead of their readers failed.");
        }
    }
}
