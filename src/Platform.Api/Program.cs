using Platform.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UsePlatform();
await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' application factory.</summary>
public partial class Program;
