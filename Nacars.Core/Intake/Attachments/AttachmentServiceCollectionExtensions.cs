using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Nacars.Core.Intake.Attachments;

public static class AttachmentServiceCollectionExtensions
{
    /// <summary>The cleaner, the encrypted file store and <see cref="AttachmentIntake"/>, with
    /// <see cref="AttachmentOptions"/> bound from "Nacars:Attachments". Needs Data Protection, TimeProvider and
    /// <see cref="Microsoft.Extensions.Options.IOptions{NacarsOptions}"/> (all registered by AddNacarsCore).</summary>
    public static IServiceCollection AddNacarsAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AttachmentOptions>(configuration.GetSection(AttachmentOptions.Section));
        services.AddSingleton<AttachmentCleaner>();
        // In process unless the host runs each file in a separate, limited process (the Workbench does).
        services.TryAddSingleton<IAttachmentCleaner>(sp => sp.GetRequiredService<AttachmentCleaner>());
        services.AddSingleton<FileSystemAttachmentStore>();
        services.AddSingleton<IAttachmentStore>(sp => sp.GetRequiredService<FileSystemAttachmentStore>());
        services.AddSingleton<AttachmentIntake>();
        return services;
    }
}
