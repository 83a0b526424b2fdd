using Microsoft.AspNetCore.Http;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Tests.Hosting;

/// <summary>The site listens while its database is prepared; what arrives meanwhile waits.</summary>
public sealed class DatabaseReadinessTests
{
    [Fact]
    public async Task A_request_that_arrives_while_the_database_is_prepared_is_answered_only_once_it_is_ready()
    {
        var preparation = new TaskCompletionSource();
        var readiness = new DatabaseReadiness();
        var ready = readiness.Begin(() => preparation.Task);
        var answered = false;
        var gate = readiness.Gate(_ =>
        {
            answered = true;
            return Task.CompletedTask;
        });

        var request = gate(new DefaultHttpContext());
        Assert.False(request.IsCompleted);
        Assert.False(answered);

        preparation.SetResult();
        await ready;
        await request;
        Assert.True(answered);

        // Once ready, the gate passes straight through.
        answered = false;
        Assert.True(gate(new DefaultHttpContext()).IsCompletedSuccessfully);
        Assert.True(answered);
    }

    [Fact]
    public async Task A_failed_preparation_fails_the_waiting_requests_instead_of_answering_them()
    {
        var readiness = new DatabaseReadiness();
        var ready = readiness.Begin(() => Task.FromException(new InvalidOperationException("migration failed")));
        var gate = readiness.Gate(_ => throw new InvalidOperationException("must not be reached"));

        Assert.Equal("migration failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => ready)).Message);
        Assert.Equal("migration failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => gate(new DefaultHttpContext()))).Message);
    }
}
