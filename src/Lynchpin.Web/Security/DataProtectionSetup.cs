using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Lynchpin.Web.Security;

/// <summary>
/// The keys that protect sign-in cookies, antiforgery tokens and two-factor state live in the database, so every
/// server on it reads the other's cookies and a restart or a new container signs nobody out. Nothing needs setting;
/// with Lynchpin:DataProtection:CertificateFile (a PFX) the keys are also encrypted with that certificate at rest.
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>One name for every server: a key ring is shared only between apps of the same name.</summary>
    public const string ApplicationName = "Lynchpin";

    public const string CertificateFile = "Lynchpin:DataProtection:CertificateFile";
    public const string CertificatePassword = "Lynchpin:DataProtection:CertificatePassword";

    public static IServiceCollection AddLynchpinDataProtection(this IServiceCollection services, IConfiguration config, IHostEnvironment environment)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<LynchpinDbContext>();
        if (config[CertificateFile] is { Length: > 0 } file)
        {
            var path = Path.GetFullPath(file, environment.ContentRootPath);
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, config[CertificatePassword]));
        }
        return services;
    }
}
