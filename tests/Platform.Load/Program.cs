using Platform.Load;

// bare --urls <url>            : the same host and Kestrel as the API, with nothing but GET /ping
// seed <api> <admin> <secret>  : a tenant with 200 units, 60 leases and a discount, printed as shell variables
// request-cost                 : bytes allocated and CPU time per request of the hot reads, in process
return args switch
{
    ["bare", .. var hostArgs] => await BareEndpoint.RunAsync(hostArgs),
    ["seed", var api, var adminId, var adminSecret] => await LoadSeed.RunAsync(new Uri(api), adminId, adminSecret),
    ["request-cost"] => await RequestCost.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Platform.Load bare --urls <url> | seed <api-base-url> <admin-client-id> <admin-secret> | request-cost");
    return 2;
}
