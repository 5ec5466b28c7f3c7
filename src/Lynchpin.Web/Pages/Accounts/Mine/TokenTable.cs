using Lynchpin.Core.Data.Models;

namespace Lynchpin.Web.Pages.Accounts.Mine;

/// <summary>
/// The tokens table, on one's own tokens page and on an account's admin page. <paramref name="RevokeUrl"/> is where the
/// revoke buttons post (with <c>?handler=Revoke&amp;tokenId=…</c> added); null for the page's own.
/// </summary>
public sealed record TokenTable(IReadOnlyList<ApiToken> Tokens, DateTime Now, string Caption, string? RevokeUrl);
