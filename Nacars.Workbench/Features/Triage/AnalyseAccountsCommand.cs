namespace Nacars.Workbench.Features.Triage;

/// <summary><c>analyse-accounts --input IN.jsonl --output OUT.jsonl</c>: the assistance engine over a file of accounts
/// (one JSON object a line, with at least "id" and "account"), one line of results each.</summary>
public static class AnalyseAccountsCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter console)
    {
        string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        if (Arg("--input") is not { } input || Arg("--output") is not { } output)
        {
            await console.WriteLineAsync("usage: analyse-accounts --input accounts.jsonl --output results.jsonl");
            return 2;
        }
        if (!File.Exists(input))
        {
            await console.WriteLineAsync($"No file {input}.");
            return 2;
        }
        using var reader = new StreamReader(input);
        await using var writer = new StreamWriter(output);
        var count = await Nacars.Core.Triage.Assistance.AnalyseAccountsCommand.RunAsync(reader, writer);
        await console.WriteLineAsync($"Analysed {count} accounts into {output}.");
        return 0;
    }
}
