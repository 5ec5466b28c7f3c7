using Lynchpin.Core.Data.Models;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Lynchpin.Web.Authorization;

/// <summary>An authenticator key as a person sets it up: typed in groups of four, or scanned as a QR code.</summary>
public sealed record AuthenticatorSetUp(string Key, string Uri, string QrSvg)
{
    public const string Issuer = "Lynchpin";

    /// <summary>"ABCD EFGH …": easier to type into an app than one long string.</summary>
    public string GroupedKey => string.Join(' ', Key.Chunk(4).Select(c => new string(c)));

    /// <summary>The account's key (made now if it has none) as a setup: <paramref name="fresh"/> makes a new one first.</summary>
    public static async Task<AuthenticatorSetUp> ForAsync(UserManager<AppUser> users, AppUser user, bool fresh = false)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (fresh || string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        var uri = $"otpauth://totp/{System.Uri.EscapeDataString($"{Issuer}:{user.Email}")}?secret={key}&issuer={Issuer}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        using var renderer = new SvgQRCode(data);
        var svg = renderer.GetGraphic(5, "#0b0c0c", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
        return new AuthenticatorSetUp(key!, uri, svg);
    }
}
