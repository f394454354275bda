using Dapper;
using Microsoft.Data.Sqlite;
using Platform.Api.Idempotency;
using Platform.Api.Persistence;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Persistence;

/// <summary>An Idempotency-Key whose request never finished (its process died) is free again after a short lease.</summary>
public sealed class IdempotencyLeaseTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_left_reserved_by_a_dead_request_is_released_after_sixty_seconds_and_a_finished_one_is_kept()
    {
        await using var app = new ClockedApp();
        await app.InitializeAsync();
        Assert.SkipWhen(app.Provider != DatabaseProvider.Sqlite, "The dead request is staged in the SQLite file.");
        var tenant = await app.CreateTenantAsync(name: "Woonin");
        var api = await tenant.SignInAsync("plinths:read", "plinths:write");
        var stranded = $"stranded-{Guid.NewGuid():N}";
        var finished = $"finished-{Guid.NewGuid():N}";
        var beforeTheCrash = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), stranded, Ct);
        var first = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), finished, Ct);
        // What a process that died between reserving the key and answering leaves behind.
        await using (var connection = new SqliteConnection(app.ConnectionString))
            await connection.ExecuteAsync("UPDATE idempotency_keys SET status_code = NULL, body = NULL WHERE idempotency_key = @Key", new { Key = stranded });

        var inUse = await ThrowsProblemAsync(409, () => api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), stranded, Ct));
        app.Clock.Advance(IdempotencyStore.ReservationLease + TimeSpan.FromSeconds(1));
        var retried = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), stranded, Ct);
        var replayed = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), finished, Ct);

        Assert.Equal("urn:plinth:problem:idempotency-key-in-use", inUse.Type);
        Assert.Equal(3, (await api.Plinths.ListPlinthsAsync(tenant.Slug, cancellationToken: Ct)).Items.Count);
        Assert.NotEqual(beforeTheCrash.Id, retried.Id);
        Assert.Equal(first.Id, replayed.Id);
    }
}
