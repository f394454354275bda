// Exercises the generated TypeScript client against a running API, as a partner's front end would.
// The test command starts the API on loopback and sets PLATFORM_BASE_URL, PLATFORM_CLIENT_ID, PLATFORM_CLIENT_SECRET.
import assert from "node:assert/strict";
import {
    ApiClientsClient,
    ApiException,
    DiscountsClient,
    LeasesClient,
    PlinthsClient,
    Problem,
    RentClient,
    ReportsClient,
    TenantsClient,
    UnitsClient,
} from "../src/platform-client";

const baseUrl = required("PLATFORM_BASE_URL").replace(/\/$/, "");

function required(name: string): string {
    const value = process.env[name];
    if (!value) throw new Error(`Set ${name}.`);
    return value;
}

async function accessToken(clientId: string, clientSecret: string): Promise<string> {
    const response = await fetch(`${baseUrl}/connect/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }),
    });
    const text = await response.text();
    assert.equal(response.status, 200, `token request failed: ${text}`);
    return (JSON.parse(text) as { access_token: string }).access_token;
}

/** A fetch that signs every request with the given token. */
function signedFetch(token: string) {
    return {
        fetch: (url: RequestInfo, init?: RequestInit) =>
            fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), Authorization: `Bearer ${token}` } }),
    };
}

function problemOf(error: unknown): Problem {
    if (!(error instanceof ApiException)) throw new Error(`expected an ApiException, got ${String(error)}`);
    return error.result as Problem;
}

const checks: Array<[string, () => Promise<void>]> = [];
const check = (name: string, run: () => Promise<void>) => checks.push([name, run]);

const slug = `ts-smoke-${Date.now().toString(36)}`;
let admin: { tenants: TenantsClient; apiClients: ApiClientsClient };

check("the platform admin gets a token", async () => {
    const http = signedFetch(await accessToken(required("PLATFORM_CLIENT_ID"), required("PLATFORM_CLIENT_SECRET")));
    admin = { tenants: new TenantsClient(baseUrl, http), apiClients: new ApiClientsClient(baseUrl, http) };
});

check("creates a tenant", async () => {
    const tenant = await admin.tenants.createTenant({
        slug, name: "Woonin", kind: "housing_corporation", municipalityCode: "GM0344", kvkNumber: "30046159",
    });
    assert.equal(tenant.slug, slug);
    assert.equal(tenant.kind, "housing_corporation");
});

check("creates an API client of the tenant, which reads its own tenant", async () => {
    const created = await admin.apiClients.createApiClient(slug, { displayName: "Je Eigen Zaak portal", scopes: ["tenders:read", "tenant:admin"] });
    assert.deepEqual([...created.scopes].sort(), ["tenant:admin", "tenders:read"]);
    const own = new TenantsClient(baseUrl, signedFetch(await accessToken(created.clientId, created.clientSecret)));
    assert.equal((await own.getTenant(slug)).name, "Woonin");
});

check("lists tenants page by page until it finds the new one", async () => {
    let cursor: string | null | undefined;
    let found = false;
    do {
        const page = await admin.tenants.listTenants(50, cursor);
        assert.ok(page.items.length <= 50);
        found ||= page.items.some(t => t.slug === slug);
        cursor = page.nextCursor;
    } while (cursor && !found);
    assert.ok(found);
});

check("a duplicate slug arrives as a typed problem", async () => {
    try {
        await admin.tenants.createTenant({ slug, name: "Again", kind: "collective", municipalityCode: "GM0344" });
        assert.fail("expected a conflict");
    } catch (error) {
        const problem = problemOf(error);
        assert.equal((error as ApiException).status, 409);
        assert.equal(problem.type, "urn:plinth:problem:duplicate-slug");
        assert.equal(problem.status, 409);
    }
});

check("a validation failure names the field", async () => {
    try {
        await admin.tenants.createTenant({ slug: "Not A Slug", name: "X", kind: "municipality", municipalityCode: "GM0344" });
        assert.fail("expected a validation problem");
    } catch (error) {
        const problem = problemOf(error);
        assert.equal(problem.type, "urn:plinth:problem:validation");
        assert.deepEqual(problem.errors?.map(e => e.name), ["slug"]);
    }
});

let estate: { plinths: PlinthsClient; units: UnitsClient; leases: LeasesClient };

check("a client with real-estate scopes registers the Herderplein plinth, idempotently", async () => {
    const created = await admin.apiClients.createApiClient(slug, {
        displayName: "Woonin vastgoedsysteem", scopes: ["plinths:read", "plinths:write", "leases:read", "leases:write"],
    });
    const http = signedFetch(await accessToken(created.clientId, created.clientSecret));
    estate = { plinths: new PlinthsClient(baseUrl, http), units: new UnitsClient(baseUrl, http), leases: new LeasesClient(baseUrl, http) };
    const herderplein = {
        name: "Herderplein",
        address: { street: "Herderplein", houseNumber: 12, postcode: "3555 AB", city: "Utrecht" },
        municipalityCode: "GM0344", neighbourhoodCode: "BU03440101", dwellingsAbove: 48, plinthAreaM2: 640, priorityNeighbourhood: true,
    };
    const first = await estate.plinths.createPlinth(slug, herderplein, "smoke-herderplein");
    const replay = await estate.plinths.createPlinth(slug, herderplein, "smoke-herderplein");
    assert.equal(replay.id, first.id);
    assert.equal(first.etag, '"1"');
});

check("lets an atelier for EUR 1,000 a month and the unit shows as let", async () => {
    const plinth = (await estate.plinths.listPlinths(slug)).items[0];
    const unit = await estate.units.createUnit(slug, {
        plinthId: plinth.id, name: "Herderplein 12 A", category: "BED", detailCode: "ATE", areaM2: 85,
        marketRentCentsPerYear: 1_200_000, valuationDate: "2026-01-01", valuationSource: "taxatie 2026", status: "vacant",
    });
    const lease = await estate.leases.createLease(slug, {
        unitId: unit.id, regime: "7:230a", startDate: "2026-01-01", baseRentCentsPerMonth: 100_000,
        lessee: { name: "Atelier Je Eigen Zaak", kvkNumber: "90001234", contactEmail: "atelier@example.org" },
    });
    assert.equal(lease.status, "active");
    assert.equal((await estate.units.getUnit(slug, unit.id)).status, "let");
});

check("an update with a stale ETag arrives as a 412 problem", async () => {
    const plinth = (await estate.plinths.listPlinths(slug)).items[0];
    const change = { ...plinth, theme: "makers" };
    const updated = await estate.plinths.updatePlinth(slug, plinth.id, plinth.etag, change);
    assert.equal(updated.etag, '"2"');
    try {
        await estate.plinths.updatePlinth(slug, plinth.id, plinth.etag, change);
        assert.fail("expected a precondition failure");
    } catch (error) {
        assert.equal(problemOf(error).type, "urn:plinth:problem:precondition-failed");
    }
});

check("a 25 % discount brings the rent to EUR 750 and shows in the rent schedule", async () => {
    const created = await admin.apiClients.createApiClient(slug, { displayName: "Staedion huurkorting", scopes: ["discounts:read", "discounts:write", "leases:read"] });
    const http = signedFetch(await accessToken(created.clientId, created.clientSecret));
    const discounts = new DiscountsClient(baseUrl, http);
    const rent = new RentClient(baseUrl, http);
    const lease = (await estate.leases.listLeases(slug)).items[0];
    const discount = await discounts.createDiscount(slug, lease.id, {
        kind: "percentage", percentage: 25, startDate: "2026-01-01", endDate: "2026-12-31",
        justification: "Sociale ondernemer in een prioriteitswijk.",
        counterPerformances: [{ description: "Open workshops", unit: "workshops", target: 24, radius: "neighbourhood" }],
    });
    assert.equal(discount.periods[0].evaluationDueOn, "2026-10-01");
    assert.equal((await rent.getRent(slug, lease.id, "2026-06-15")).effectiveCentsPerMonth, 75_000);
    const schedule = await rent.getRentSchedule(slug, lease.id, "2026-12-01", "2027-01-31");
    assert.deepEqual(schedule.months.map(m => m.effectiveCents), [75_000, 100_000]);
});

check("the portfolio report of 2026 counts the let atelier and its discount money", async () => {
    const created = await admin.apiClients.createApiClient(slug, { displayName: "Gemeentelijke rapportage", scopes: ["reports:read"] });
    const reports = new ReportsClient(baseUrl, signedFetch(await accessToken(created.clientId, created.clientSecret)));
    const portfolio = await reports.getPortfolioReport(slug, 2026);
    assert.equal(portfolio.total.units, 1);
    assert.equal(portfolio.total.discountCents, 300_000);
    assert.equal(portfolio.total.affordableBand, "within");
});

(async () => {
    let passed = 0;
    let failed = 0;
    for (const [name, run] of checks) {
        try {
            await run();
            passed++;
            console.log(`  ok   ${name}`);
        } catch (error) {
            failed++;
            console.log(`  FAIL ${name}\n       ${error instanceof Error ? error.message : String(error)}`);
            break; // later checks build on earlier ones
        }
    }
    const notRun = checks.length - passed - failed;
    console.log(`typescript client: ${passed} passed, ${failed + notRun} failed`);
    process.exit(failed + notRun === 0 ? 0 : 1);
})();
