using System.Runtime.CompilerServices;
using Nacars.Bench.Fuzz;

namespace Nacars.Tests.Intake.Attachments;

/// <summary>Every input the fuzzer (<c>eng/fuzz.sh</c>) ever found to crash or hang a target is replayed through the
/// same target: a file must be cleaned or refused, and a post read, each within 10 seconds.</summary>
public class FuzzRegressionTests
{
    private static string Folder([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Regressions");

    public static TheoryData<string> Files() => [.. Directory.GetFiles(Folder(), "file-*.bin").Select(f => Path.GetFileName(f)).Order()];
    public static TheoryData<string> Posts() => [.. Directory.GetFiles(Folder(), "multipart-*.bin").Select(f => Path.GetFileName(f)).Order()];

    [Fact]
    public void The_regression_folder_holds_the_findings_and_the_known_attacks()
    {
        Assert.NotEmpty(Directory.GetFiles(Folder(), "*.bin"));
        Assert.DoesNotContain(Directory.GetFiles(Folder()), f => Path.GetFileName(f).StartsWith('.'));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public Task A_file_the_fuzzer_found_is_cleaned_or_refused_in_time(string name) => ReplayAsync(FuzzTarget.Files(), name);

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task A_post_the_fuzzer_found_is_read_in_time(string name)
    {
        var scratch = Directory.CreateTempSubdirectory("nacars-fuzz-replay").FullName;
        try { await ReplayAsync(FuzzTarget.Multipart(scratch), name); }
        finally { Directory.Delete(scratch, recursive: true); }
    }

    private static async Task ReplayAsync(FuzzTarget target, string name)
    {
        var ct = TestContext.Current.CancellationToken;
        var input = await File.ReadAllBytesAsync(Path.Combine(Folder(), name), ct);
        await Task.Run(() => target.RunAsync(input), ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
    }
}
