using System.Text;
using Lynchpin.Core.Data.Models;

namespace Lynchpin.Bench.Load;

/// <summary>A staff import file as a school would upload it: every column, each person managed by someone earlier in the file.</summary>
public static class StaffFile
{
    public static void Write(int staff, string path, Random random)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("staff_ref,first_name,last_name,email,job_title,role_family,qts,slt,line_manager_ref,coach_ref,start_date,leaving_date,hours_per_week,weeks_per_year");
        var families = RoleFamilies.All;
        for (var i = 0; i < staff; i++)
        {
            // A tree: each person is managed by someone earlier in the file, so there is no cycle.
            var manager = i == 0 ? "" : $"B{random.Next(Math.Max(1, i / 8)):D6}";
            var coach = i < 2 ? "" : $"B{random.Next(i):D6}";
            var family = random.Next(2) == 0 ? RoleFamily.Teaching : families[random.Next(families.Count)];
            writer.WriteLine($"B{i:D6},First{i},Last{i},person{i}@bench.example,Job {i},{family.Code()},{(family == RoleFamily.Teaching ? "yes" : "no")},{(i < 8 ? "yes" : "no")},{manager},{coach},2015-09-01,,32.5,39");
        }
    }
}
