using System.Diagnostics;
using System.Security.Cryptography;

namespace Nacars.Bench.Fuzz;

/// <summary>
/// A bounded, seeded mutation fuzzer (bit flips, interesting bytes, cut, repeated and spliced blocks, numbers in PDF
/// text changed) over <see cref="FuzzTarget"/>s, run for a set time by <c>eng/fuzz.sh</c>. Every crash or hang is
/// written to the tests' regression folder, which CI replays; the input being run is kept on disk first, so one that
/// takes the whole process down (a stack overflow) is found at the next start. (Debian's afl++ with SharpFuzz stops at
/// "fork server handshake failed" for .NET here; see shared/STACK-NOTES.)
/// </summary>
public sealed class Fuzzer(FuzzTarget target, string regressions, int seed, TimeSpan limitPerInput)
{
    private readonly Random _random = new(seed);

    public async Task<int> RunAsync(TimeSpan duration, TextWriter log)
    {
        Directory.CreateDirectory(regressions);
        var current = Path.Combine(regressions, $".{target.Name}-running.bin");
        if (File.Exists(current))
        {
            Save(File.ReadAllBytes(current), "crash", log);
            File.Delete(current);
        }
        var corpus = target.Seeds.ToList();
        var clock = Stopwatch.StartNew();
        var runs = 0;
        var findings = 0;
        while (clock.Elapsed < duration)
        {
            var input = Mutate(corpus[_random.Next(corpus.Count)], corpus);
            await File.WriteAllBytesAsync(current, input);
            var run = Task.Run(() => target.RunAsync(input));
            var finished = await Task.WhenAny(run, Task.Delay(limitPerInput));
            runs++;
            if (finished != run)
            {
                Save(input, "hang", log);
                findings++;
                break; // a hung run cannot be stopped in-process: stop here, the input is kept
            }
            if (run.Exception is { } e)
            {
                log.WriteLine($"{target.Name}: {e.InnerException?.GetType().Name}: {e.InnerException?.Message}");
                Save(input, "crash", log);
                findings++;
            }
            else if (runs % 50 == 0 && corpus.Count < 200)
            {
                corpus.Add(input); // keep some survivors, so mutations build on mutations
            }
        }
        File.Delete(current);
        log.WriteLine($"{target.Name}: {runs} inputs in {clock.Elapsed.TotalSeconds:0} s, {findings} finding(s)");
        return findings;
    }

    private void Save(byte[] input, string kind, TextWriter log)
    {
        var path = Path.Combine(regressions, $"{target.Name}-{kind}-{Convert.ToHexStringLower(SHA256.HashData(input))[..12]}.bin");
        File.WriteAllBytes(path, input);
        log.WriteLine($"{target.Name}: {kind} kept as {path}");
    }

    private byte[] Mutate(byte[] input, List<byte[]> corpus)
    {
        var bytes = input.ToList();
        for (var n = 1 + _random.Next(4); n > 0 && bytes.Count > 0; n--)
        {
            var at = _random.Next(bytes.Count);
            switch (_random.Next(8))
            {
                case 0: bytes[at] ^= (byte)(1 << _random.Next(8)); break;
                case 1: bytes[at] = Interesting[_random.Next(Interesting.Length)]; break;
                case 2: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(64))); break;
                case 3:
                    var length = Math.Min(bytes.Count - at, 1 + _random.Next(256));
                    var block = bytes.GetRange(at, length);
                    for (var copies = 1 + _random.Next(8); copies > 0; copies--) bytes.InsertRange(at, block);
                    break;
                case 4: bytes.RemoveRange(at, bytes.Count - at); break;
                case 5:
                    var other = corpus[_random.Next(corpus.Count)];
                    var from = _random.Next(other.Length);
                    bytes.InsertRange(at, other.Skip(from).Take(1 + _random.Next(512)));
                    break;
                case 6: ChangeNumber(bytes, at); break;
                default: bytes.Insert(at, (byte)_random.Next(256)); break;
            }
        }
        return [.. bytes];
    }

    /// <summary>A run of digits near <paramref name="at"/> (a PDF length, count or offset) becomes another number.</summary>
    private void ChangeNumber(List<byte> bytes, int at)
    {
        var start = bytes.FindIndex(at, b => b is >= (byte)'0' and <= (byte)'9');
        if (start < 0) return;
        var end = start;
        while (end < bytes.Count && bytes[end] is >= (byte)'0' and <= (byte)'9') end++;
        var value = _random.Next(4) switch { 0 => "0", 1 => "-1", 2 => "2147483648", _ => _random.Next(1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, System.Text.Encoding.ASCII.GetBytes(value));
    }

    private static readonly byte[] Interesting = [0x00, 0xFF, 0x7F, 0x80, 0xD8, 0xD9, 0xDA, 0xE1, 0xE2, (byte)'(', (byte)')', (byte)'<', (byte)'>', (byte)'[', (byte)'/'];
}
