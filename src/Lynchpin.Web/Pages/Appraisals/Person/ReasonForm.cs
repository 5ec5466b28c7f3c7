using System.ComponentModel.DataAnnotations;

namespace Lynchpin.Web.Pages.Appraisals.Person;

/// <summary>A reason, as the not-agreed and reopen pages post it.</summary>
public class ReasonForm
{
    [Display(Name = "reason")] public string? Reason { get; set; }
}
