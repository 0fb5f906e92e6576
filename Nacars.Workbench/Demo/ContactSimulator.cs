using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Contacts;
using Nacars.Core.Intake;

namespace Nacars.Workbench.Demo;

/// <summary>For training: adds a realistic online contact every few seconds so the live queue moves. Off unless
/// Nacars:Demo:Simulate is true or the app is started with --simulate; never outside Development.</summary>
internal sealed class ContactSimulator(IntakeService intake, IOptions<NacarsOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<ContactSimulator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!environment.IsDevelopment() || !options.Value.Demo.Simulate) return;
        logger.LogInformation("Contact simulator on: a new contact every {Seconds} s", options.Value.Demo.SimulatorIntervalSeconds);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.2, options.Value.Demo.SimulatorIntervalSeconds)), clock);
        var n = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var sample = SampleReports.All[n++ % SampleReports.All.Length];
            try
            {
                var submitted = await intake.SubmitOnlineAsync(new ReportSubmission
                {
                    Account = sample.Account,
                    Categories = [.. sample.Categories.Where(c => Categories.Public.Any(p => p.Code == c))],
                    ForceCode = sample.Force,
                    SubjectRole = sample.SubjectRole,
                    SubjectWorkplace = sample.Workplace,
                    WhenHappened = sample.When,
                    WhereHappened = sample.Where,
                    HowKnown = sample.HowKnown,
                    ImmediateDanger = sample.Danger,
                }, stoppingToken);
                logger.LogInformation("Simulator added {Reference}", submitted.Reference);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The simulator could not add a contact");
            }
        }
    }
}
