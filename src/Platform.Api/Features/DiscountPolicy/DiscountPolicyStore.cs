using Platform.Api.Concurrency;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.DiscountPolicy;

public sealed record DiscountPolicyRow
{
    public int? MinBelowMarketPercent { get; init; }
    public int? MaxBelowMarketPercent { get; init; }
    public int? MaxTermMonths { get; init; }
    public bool? PriorityNeighbourhoodsOnly { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>0 while the tenant has never set a policy.</summary>
    public int Version { get; init; }

    public DiscountPolicyRules Rules => new(MinBelowMarketPercent, MaxBelowMarketPercent, MaxTermMonths, PriorityNeighbourhoodsOnly);

    public static readonly DiscountPolicyRow Unset = new();
}

/// <summary>The tenant's discount policy: one row per tenant, none until it is first set.</summary>
public sealed class DiscountPolicyStore(TenantDb db, TimeProvider clock)
{
    const string FindSql = $"""
        SELECT min_below_market_percent AS {nameof(DiscountPolicyRow.MinBelowMarketPercent)},
               max_below_market_percent AS {nameof(DiscountPolicyRow.MaxBelowMarketPercent)},
               max_term_months AS {nameof(DiscountPolicyRow.MaxTermMonths)},
               priority_neighbourhoods_only AS {nameof(DiscountPolicyRow.PriorityNeighbourhoodsOnly)},
               updated_at AS {nameof(DiscountPolicyRow.UpdatedAt)}, version AS {nameof(DiscountPolicyRow.Version)}
        FROM discount_policies {SqlDialect.UpdateLock} WHERE tenant_id = @TenantId
        """;

    const string InsertSql = """
        INSERT INTO discount_policies (tenant_id, min_below_market_percent, max_below_market_percent, max_term_months,
                                       priority_neighbourhoods_only, updated_at, version)
        VALUES (@TenantId, @MinBelowMarketPercent, @MaxBelowMarketPercent, @MaxTermMonths, @PriorityNeighbourhoodsOnly, @UpdatedAt, @Version)
        """;

    const string UpdateSql = """
        UPDATE discount_policies
        SET min_below_market_percent = @MinBelowMarketPercent, max_below_market_percent = @MaxBelowMarketPercent,
            max_term_months = @MaxTermMonths, priority_neighbourhoods_only = @PriorityNeighbourhoodsOnly,
            updated_at = @UpdatedAt, version = @Version
        WHERE tenant_id = @TenantId
        """;

    public Task<DiscountPolicyRow> FindAsync(CancellationToken ct) => db.RunAsync(session => CurrentAsync(session, ct), ct);

    /// <summary>The policy that holds in the session's transaction (locked on SQL Server, so a check and its write see one policy).</summary>
    public static async Task<DiscountPolicyRow> CurrentAsync(DbSession session, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<DiscountPolicyRow>(FindSql, null, ct) ?? DiscountPolicyRow.Unset;

    public Task<WriteOutcome<DiscountPolicyRow>> ReplaceAsync(int? expectedVersion, UpdateDiscountPolicyRequest request, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var current = await CurrentAsync(session, ct);
            if (expectedVersion is { } expected && expected != current.Version)
                return WriteOutcome<DiscountPolicyRow>.Stale;

            var replaced = new DiscountPolicyRow
            {
                MinBelowMarketPercent = request.MinBelowMarketPercent,
                MaxBelowMarketPercent = request.MaxBelowMarketPercent,
                MaxTermMonths = request.MaxTermMonths,
                PriorityNeighbourhoodsOnly = request.PriorityNeighbourhoodsOnly,
                UpdatedAt = clock.GetUtcNow(),
                Version = current.Version + 1,
            };
            await session.ExecuteAsync(current.Version == 0 ? InsertSql : UpdateSql, replaced, ct);
            return WriteOutcome<DiscountPolicyRow>.Done(replaced);
        }, ct);
}
