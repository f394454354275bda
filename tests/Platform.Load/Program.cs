using Platform.Load;

// bare --urls <url>            : the same host and Kestrel as the API, with nothing but GET /ping
// seed <api> <admin> <secret>  : a tenant with 200 units, 60 leases and a discount, printed as shell variables
return args switch
{
    ["bare", .. var hostArgs] => await BareEndpoint.RunAsync(hostArgs),
    ["seed", var api, var adminId, var adminSecret] => await LoadSeed.RunAsync(new Uri(api), adminId, adminSecret),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Platform.Load bare --urls <url> | seed <api-base-url> <admin-client-id> <admin-secret>");
    return 2;
}
