using Nacars.Core;
using Nacars.Workbench.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddNacarsCore();
builder.AddWorkbench(args);

var app = builder.Build();
app.UseWorkbench();
return await app.RunWorkbenchAsync(args);

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
