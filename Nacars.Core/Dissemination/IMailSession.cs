using MimeKit;

namespace Nacars.Core.Dissemination;

public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
