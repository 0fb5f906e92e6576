using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Nacars.Core.Dissemination;

/// <summary>Writes each message as an .eml file, atomically (temp file then rename), named by its Message-ID so
/// a repeat overwrites rather than duplicates.</summary>
public sealed class PickupFolderTransport(IOptions<NacarsOptions> options, IHostEnvironment environment) : IMailTransport
{
    private string Folder => options.Value.ResolvedPickupPath(environment.ContentRootPath);

    public string Describe() => $"Pickup folder {Folder} (no mail leaves this machine)";

    public Task<string> CheckAsync(CancellationToken ct) => Task.FromResult($"No relay: {Describe()}.");

    public Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        return Task.FromResult<IMailSession>(new Session(Folder));
    }

    private sealed class Session(string folder) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars())).Replace('@', '_');
            var temp = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
            await message.WriteToAsync(temp, ct);
            File.Move(temp, Path.Combine(folder, name + ".eml"), overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
