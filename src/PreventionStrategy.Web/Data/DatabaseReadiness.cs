namespace PreventionStrategy.Web.Data;

/// <summary>
/// Whether start-up has prepared the database (migrations, page-cache triggers, roles, demo data).
/// The site starts listening while that runs, so the server, the job server and the request
/// pipeline warm up beside it; a request that comes before it is done waits for it, so nothing is
/// answered from a database that is not ready, the health check included.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => ready.Task;

    /// <summary>Starts preparing on the thread pool and returns at once.</summary>
    public Task Begin(Func<Task> prepare)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await prepare();
                ready.TrySetResult();
            }
            catch (Exception ex)
            {
                ready.TrySetException(ex);
            }
        });
        return ready.Task;
    }

    /// <summary>The first step of the pipeline: costs a completed-task check once the database is ready.</summary>
    public RequestDelegate Gate(RequestDelegate next) => context =>
        ready.Task.IsCompletedSuccessfully ? next(context) : WaitThenAsync(next, context);

    private async Task WaitThenAsync(RequestDelegate next, HttpContext context)
    {
        await ready.Task.WaitAsync(context.RequestAborted);
        await next(context);
    }
}
