using Nacars.Core;
using Nacars.Workbench.Hosting;

if (CommandLine.Refuses(args, Console.Out, Console.Error) is { } exitCode) return exitCode;

// A reporter's file is cleaned in a child process of this program, which needs nothing of the web application.
if (args is [Nacars.Workbench.Features.Intake.CleanAttachmentCommand.Name, ..])
    return await Nacars.Workbench.Features.Intake.CleanAttachmentCommand.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error);
// So is a message from the service's mailbox (a force's reply): read in a child process, never in the web process.
if (args is [Nacars.Workbench.Features.ForceFeedback.ReadMailCommand.Name, ..])
    return await Nacars.Workbench.Features.ForceFeedback.ReadMailCommand.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput());

var builder = WebApplication.CreateBuilder(args);
builder.AddNacarsCore();
builder.AddWorkbench(args);
builder.AddObservability();

var app = builder.Build();
app.UseWorkbench();
app.MapMetrics();
return await app.RunWorkbenchAsync(args);

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
