using Lynchpin.Core.Data.Models;
using static Lynchpin.Core.Data.Models.RoleFamily;

namespace Lynchpin.Demo;

// The three schools' staff: names, job titles, role families, line managers, coaches and contracts.
public partial class DemoData
{
    /// <summary>
    /// One row of a school's staff table. LineManager and Coach are staff refs (null: no line manager, the heads).
    /// Qts defaults to "is a teacher"; Hours and Weeks are set for part-time and term-time contracts only.
    /// </summary>
    private sealed record Person(
        string Ref, string FirstName, string LastName, string JobTitle, RoleFamily Family, string? LineManager, string Coach, string Start,
        bool Slt = false, bool? Qts = null, decimal? Hours = null, decimal? Weeks = null, string? Left = null);

    private static readonly (int Urn, string Name, string Phase, int Pupils, string EmailDomain, Person[] Staff)[] Schools =
    [
        (SecondaryUrn, SecondaryName, "Secondary", 1_104, "northfield-academy.sch.example", Secondary()),
        (PrimaryUrn, PrimaryName, "Primary", 212, "brookside-primary.sch.example", Primary()),
        // GIAS gives special schools no phase of education.
        (SpecialUrn, SpecialName, "Not applicable", 92, "willow-bank.sch.example", Special()),
    ];

    /// <summary>
    /// Northfield Academy, 11–16: 60 teachers (SLT, the SENCo, nine departments) and 47 support staff in every role family;
    /// one leaver this summer, and the ten experienced staff who left in the summer of 2025 for the ten new staff to replace.
    /// </summary>
    private static Person[] Secondary() =>
    [
        // Senior leadership: five teachers, the business manager and the community director (no QTS).
        new("NA001", "Rachel", "Whitfield", "Headteacher", Teaching, null, "WB001", "2015-09-01", Slt: true),
        new("NA002", "Daniel", "Okafor", "Deputy Headteacher (Curriculum)", Teaching, "NA001", "NA003", "2013-09-01", Slt: true),
        new("NA003", "Helen", "Marsh", "Deputy Headteacher (Pastoral) and Designated Safeguarding Lead", Teaching, "NA001", "NA002", "2011-09-01", Slt: true),
        new("NA004", "Priya", "Chauhan", "Assistant Headteacher (Teaching and Learning)", Teaching, "NA002", "NA003", "2017-09-01", Slt: true),
        new("NA005", "Gareth", "Llewellyn", "Assistant Headteacher (Behaviour and Attendance)", Teaching, "NA003", "NA004", "2016-01-04", Slt: true),
        new("NA006", "Aisha", "Rahman", "Assistant Headteacher (Key Stage 4 and Data)", Teaching, "NA002", "NA005", "2019-09-01", Slt: true),
        new("NA007", "Imran", "Hussain", "School Business Manager", Business, "NA001", "NA003", "2014-04-22", Slt: true),
        new("NA008", "Marcus", "Campbell", "Director of Community and Extended Services", Community, "NA001", "NA007", "2018-01-08", Slt: true),
        new("NA009", "Siobhan", "Gallagher", "SENCo", Teaching, "NA003", "WB002", "2012-09-01"),

        // Heads of department, line-managed by SLT and coached by one another.
        new("NA010", "Oliver", "Bennett", "Head of English", Teaching, "NA004", "NA013", "2010-09-01"),
        new("NA011", "Fatima", "Begum", "Head of Mathematics", Teaching, "NA002", "NA012", "2014-09-01"),
        new("NA012", "Thomas", "Nowak", "Head of Science", Teaching, "NA002", "NA011", "2012-09-01"),
        new("NA013", "Catherine", "Doyle", "Head of Humanities", Teaching, "NA004", "NA010", "2009-09-01"),
        new("NA014", "Isabel", "Fernandes", "Head of Modern Foreign Languages", Teaching, "NA004", "NA018", "2016-09-01"),
        new("NA015", "Kwame", "Mensah", "Head of Computing and Business", Teaching, "NA002", "NA004", "2018-09-01"),
        new("NA016", "Eleanor", "Price", "Head of Art and Design Technology", Teaching, "NA006", "NA017", "2011-09-01"),
        new("NA017", "Jamie", "Robertson", "Head of Physical Education", Teaching, "NA006", "NA016", "2008-09-01"),
        new("NA018", "Hannah", "Kaur", "Head of Performing Arts", Teaching, "NA006", "NA014", "2015-09-01"),

        // English
        new("NA019", "Laura", "Hughes", "Second in English", Teaching, "NA010", "NA004", "2017-09-01"),
        new("NA020", "Benjamin", "Adeyemi", "Teacher of English", Teaching, "NA010", "NA019", "2019-09-01"),
        new("NA021", "Megan", "Davies", "Teacher of English", Teaching, "NA010", "NA025", "2021-09-01", Hours: 19.5m),
        new("NA022", "Zainab", "Malik", "Teacher of English", Teaching, "NA010", "NA019", "2020-09-01"),
        new("NA023", "Callum", "Fraser", "Teacher of English", Teaching, "NA010", "NA020", "2022-09-01"),
        new("NA024", "Grace", "O'Neill", "Teacher of English (ECT)", Teaching, "NA010", "NA019", "2025-09-01"),
        new("NA025", "Samuel", "Whittaker", "Teacher of English and Media", Teaching, "NA010", "NA022", "2016-09-01"),

        // Mathematics
        new("NA026", "Rajesh", "Patel", "Second in Mathematics", Teaching, "NA011", "NA006", "2013-09-01"),
        new("NA027", "Emily", "Carter", "Teacher of Mathematics", Teaching, "NA011", "NA026", "2018-09-01"),
        new("NA028", "Adam", "Kowalski", "Teacher of Mathematics", Teaching, "NA011", "NA030", "2020-09-01"),
        new("NA029", "Chloe", "Ward", "Teacher of Mathematics", Teaching, "NA011", "NA027", "2021-09-01"),
        new("NA030", "Yusuf", "Ali", "Teacher of Mathematics", Teaching, "NA011", "NA026", "2015-09-01"),
        new("NA031", "Rebecca", "Thornton", "Teacher of Mathematics", Teaching, "NA011", "NA030", "2007-09-01", Hours: 26m),
        new("NA032", "Ethan", "Clarke", "Teacher of Mathematics (ECT)", Teaching, "NA011", "NA026", "2025-09-01"),
        new("NA033", "Mei", "Chen", "Teacher of Mathematics", Teaching, "NA011", "NA031", "2025-09-01"),

        // Science
        new("NA034", "Joanne", "Fletcher", "Second in Science (Biology)", Teaching, "NA012", "NA004", "2014-09-01"),
        new("NA035", "Nathan", "Brown", "Teacher of Chemistry", Teaching, "NA012", "NA034", "2017-09-01"),
        new("NA036", "Amara", "Nwosu", "Teacher of Physics", Teaching, "NA012", "NA039", "2019-09-01"),
        new("NA037", "Liam", "Murphy", "Teacher of Science", Teaching, "NA012", "NA038", "2022-09-01"),
        new("NA038", "Shabana", "Iqbal", "Teacher of Biology", Teaching, "NA012", "NA034", "2016-09-01"),
        new("NA039", "David", "Evans", "Teacher of Science", Teaching, "NA012", "NA036", "2004-09-01"),
        new("NA040", "Harriet", "Cole", "Teacher of Science (ECT)", Teaching, "NA012", "NA034", "2025-09-01"),
        new("NA041", "Tobias", "Reid", "Teacher of Science (ECT)", Teaching, "NA012", "NA035", "2025-09-01"),

        // Humanities
        new("NA042", "Peter", "Sullivan", "Teacher of History", Teaching, "NA013", "NA046", "2010-09-01"),
        new("NA043", "Naomi", "Rosen", "Teacher of History", Teaching, "NA013", "NA042", "2018-09-01"),
        new("NA044", "Michael", "Asante", "Teacher of Geography", Teaching, "NA013", "NA042", "2016-09-01"),
        new("NA045", "Jessica", "Turner", "Teacher of Geography (ECT)", Teaching, "NA013", "NA044", "2025-09-01"),
        new("NA046", "Gurpreet", "Sandhu", "Teacher of Religious Studies", Teaching, "NA013", "NA047", "2014-09-01"),
        new("NA047", "Fiona", "MacLeod", "Teacher of Humanities", Teaching, "NA013", "NA046", "2019-09-01", Hours: 16.25m),

        // Modern foreign languages, computing and business, art and DT
        new("NA048", "Luc", "Moreau", "Teacher of French", Teaching, "NA014", "NA050", "2012-09-01"),
        new("NA049", "Anna", "Wisniewska", "Teacher of Spanish and French", Teaching, "NA014", "NA048", "2025-09-01"),
        new("NA050", "Carys", "Morgan", "Teacher of Spanish", Teaching, "NA014", "NA048", "2020-09-01"),
        new("NA051", "Arjun", "Mehta", "Teacher of Computer Science", Teaching, "NA015", "NA052", "2021-09-01"),
        new("NA052", "Lucy", "Palmer", "Teacher of Business Studies", Teaching, "NA015", "NA051", "2017-09-01"),
        new("NA053", "Ruth", "Ogundipe", "Teacher of Art", Teaching, "NA016", "NA055", "2013-09-01"),
        new("NA054", "Connor", "Walsh", "Teacher of Design Technology", Teaching, "NA016", "NA053", "2019-09-01"),
        new("NA055", "Sarah", "Holt", "Teacher of Food and Nutrition", Teaching, "NA016", "NA053", "2011-09-01", Hours: 19.5m),

        // Physical education and performing arts; the music teacher left in the summer and was replaced.
        new("NA056", "Jordan", "Phillips", "Teacher of PE", Teaching, "NA017", "NA057", "2018-09-01"),
        new("NA057", "Niamh", "Kelly", "Teacher of PE", Teaching, "NA017", "NA056", "2020-09-01"),
        new("NA058", "Ravi", "Sharma", "Teacher of PE", Teaching, "NA017", "NA056", "2023-09-01"),
        new("NA059", "Abigail", "Foster", "Teacher of PE and Dance", Teaching, "NA017", "NA057", "2016-09-01"),
        new("NA060", "Owen", "Jenkins", "Teacher of Music", Teaching, "NA018", "NA061", "2014-09-01", Left: "2026-07-31"),
        new("NA061", "Tamsin", "Blake", "Teacher of Drama", Teaching, "NA018", "NA053", "2016-09-01"),
        new("NA062", "Chidi", "Okonkwo", "Teacher of Music", Teaching, "NA018", "NA061", "2026-09-01"),

        // Learning support: the SENCo line-manages the TAs and HLTAs; the cover manager the cover supervisors.
        new("NA063", "Kayleigh", "Brooks", "Teaching Assistant", LearningSupport, "NA009", "NA064", "2019-09-02", Hours: 32.5m, Weeks: TermTime),
        new("NA064", "Janet", "Howarth", "Higher Level Teaching Assistant", LearningSupport, "NA009", "WB017", "2008-09-01", Hours: 32.5m, Weeks: TermTime),
        // A qualified teacher who chose a support role: QTS is not only for teachers.
        new("NA065", "Sunita", "Verma", "Higher Level Teaching Assistant", LearningSupport, "NA009", "NA064", "2017-09-04", Qts: true, Hours: 32.5m, Weeks: TermTime),
        new("NA066", "Dylan", "Roberts", "Teaching Assistant", LearningSupport, "NA009", "NA065", "2021-01-04", Hours: 32.5m, Weeks: TermTime),
        new("NA067", "Agnieszka", "Nowicka", "Teaching Assistant", LearningSupport, "NA009", "NA065", "2016-09-01", Hours: 25m, Weeks: TermTime),
        new("NA068", "Tyrone", "Williams", "Teaching Assistant", LearningSupport, "NA009", "NA064", "2022-09-05", Hours: 32.5m, Weeks: TermTime),
        new("NA069", "Bethany", "Shaw", "Teaching Assistant", LearningSupport, "NA009", "NA070", "2025-09-01", Hours: 32.5m, Weeks: TermTime),
        new("NA070", "Maryam", "Siddiqui", "Teaching Assistant (SEND)", LearningSupport, "NA009", "NA064", "2018-09-03", Hours: 32.5m, Weeks: TermTime),
        new("NA071", "Paul", "Hardcastle", "Teaching Assistant", LearningSupport, "NA009", "NA065", "2012-09-03", Hours: 20m, Weeks: TermTime),
        new("NA072", "Lorraine", "Atkinson", "Cover Supervisor", LearningSupport, "NA092", "NA065", "2015-09-01", Hours: 35m, Weeks: TermTime),
        new("NA073", "Kieran", "Doherty", "Cover Supervisor", LearningSupport, "NA092", "NA072", "2025-09-01", Hours: 35m, Weeks: TermTime),

        // Pastoral: non-teaching achievement coordinators, a learning mentor and the attendance officer.
        new("NA074", "Michelle", "Green", "Achievement Coordinator (Year 7)", Pastoral, "NA005", "NA077", "2016-09-01", Hours: 37m, Weeks: TermTime),
        new("NA075", "Darren", "Hill", "Achievement Coordinator (Year 8)", Pastoral, "NA005", "NA074", "2014-09-01", Hours: 37m, Weeks: TermTime),
        new("NA076", "Nadia", "Farouk", "Achievement Coordinator (Year 9)", Pastoral, "NA005", "NA075", "2019-09-01", Hours: 37m, Weeks: TermTime),
        new("NA077", "Stephen", "Lowe", "Achievement Coordinator (Year 10)", Pastoral, "NA005", "NA081", "2011-09-01", Hours: 37m, Weeks: TermTime),
        new("NA078", "Tasha", "Edwards", "Achievement Coordinator (Year 11)", Pastoral, "NA005", "NA076", "2017-09-01", Hours: 37m, Weeks: TermTime),
        new("NA079", "Kelly", "Barker", "Attendance Officer", Pastoral, "NA005", "NA082", "2013-04-15"),
        new("NA080", "Jason", "Obi", "Learning Mentor", Pastoral, "NA005", "NA074", "2025-09-01", Hours: 37m, Weeks: TermTime),

        // Inclusion and safeguarding, under the deputy head who is the DSL.
        new("NA081", "Claire", "Donnelly", "Deputy Designated Safeguarding Lead", Inclusion, "NA003", "NA005", "2015-01-05"),
        new("NA082", "Samira", "Haddad", "Family Liaison Officer", Inclusion, "NA003", "NA081", "2018-06-04"),
        new("NA083", "Gillian", "Reeves", "School Counsellor", Inclusion, "NA003", "NA082", "2020-01-06", Hours: 18.5m, Weeks: TermTime),
        new("NA084", "Hollie", "Simpson", "SEND Officer", Inclusion, "NA009", "NA070", "2021-09-01"),

        // Business, administration, site, community and technical: mostly under the business manager.
        new("NA085", "Susan", "Blackwell", "Finance Officer", Business, "NA007", "NA088", "2010-03-01"),
        new("NA086", "Kamal", "Ahmed", "HR Officer", Business, "NA007", "NA088", "2019-05-07"),
        new("NA087", "Wendy", "Pollard", "Finance Assistant", Business, "NA085", "NA086", "2022-02-14", Hours: 22.5m),
        new("NA088", "Julie", "Sutcliffe", "Office Manager", Administration, "NA007", "NA085", "2009-09-01"),
        new("NA089", "Rhiannon", "Lloyd", "Receptionist", Administration, "NA088", "NA093", "2020-10-12", Hours: 30m, Weeks: TermTime),
        new("NA090", "Andrew", "Pearson", "Data Manager", Administration, "NA007", "NA103", "2016-11-01"),
        new("NA091", "Yvonne", "Mitchell", "Exams Officer", Administration, "NA006", "NA090", "2012-01-09"),
        new("NA092", "Gemma", "Hargreaves", "Cover Manager", Administration, "NA002", "NA091", "2014-09-01"),
        new("NA093", "Denise", "Walker", "PA to the Headteacher", Administration, "NA001", "NA088", "2017-03-20"),
        new("NA094", "Graham", "Naylor", "Site Manager", Site, "NA007", "NA096", "2006-08-14"),
        new("NA095", "Lee", "Dawson", "Site Assistant", Site, "NA094", "NA096", "2018-08-20"),
        new("NA096", "Patricia", "Boyle", "Catering Manager", Site, "NA007", "NA094", "2011-09-01", Hours: 37.5m, Weeks: TermTime),
        new("NA097", "Ahmed", "Karim", "Cook", Site, "NA096", "NA094", "2019-09-02", Hours: 30m, Weeks: TermTime),
        new("NA098", "Margaret", "Fenwick", "Kitchen Assistant", Site, "NA096", "NA097", "2015-09-01", Hours: 15m, Weeks: TermTime),
        new("NA099", "Elena", "Popescu", "Cleaner", Site, "NA094", "NA095", "2020-01-06", Hours: 15m),
        new("NA100", "Brian", "Moss", "Cleaner", Site, "NA094", "NA095", "2010-09-01", Hours: 12.5m),
        new("NA101", "Jade", "Thompson", "Extended Services Coordinator", Community, "NA008", "NA082", "2019-04-01"),
        new("NA102", "Dwayne", "Francis", "Youth and Community Worker", Community, "NA008", "NA101", "2021-06-01", Hours: 30m),
        new("NA103", "Christopher", "Lam", "IT Network Manager", Technical, "NA007", "NA090", "2013-07-01"),
        new("NA104", "Harvey", "Collins", "IT Technician", Technical, "NA103", "NA090", "2023-07-03"),
        new("NA105", "Angela", "Whitehead", "Senior Science Technician", Technical, "NA012", "NA107", "2005-09-01", Hours: 37m, Weeks: TermTime),
        new("NA106", "Ryan", "Booth", "Science Technician", Technical, "NA105", "NA107", "2024-01-08", Hours: 37m, Weeks: TermTime),
        new("NA107", "Mark", "Sykes", "Design Technology Technician", Technical, "NA016", "NA105", "2016-09-01", Hours: 25m, Weeks: TermTime),

        // Left at the end of 2024/25 (retirement, promotion, moving away); the ten new staff of September 2025 took their posts.
        new("NA108", "Alan", "Whitworth", "Teacher of English", Teaching, "NA010", "NA025", "2002-09-01", Left: "2025-08-31"),
        new("NA109", "Diane", "Holroyd", "Teacher of Mathematics", Teaching, "NA011", "NA026", "2005-09-01", Left: "2025-08-31"),
        new("NA110", "Vikram", "Desai", "Teacher of Mathematics", Teaching, "NA011", "NA030", "2012-09-01", Left: "2025-08-31"),
        new("NA111", "Sophie", "Langley", "Teacher of Chemistry", Teaching, "NA012", "NA038", "2010-09-01", Left: "2025-08-31"),
        new("NA112", "Martin", "Ackerley", "Teacher of Physics", Teaching, "NA012", "NA034", "1998-09-01", Left: "2025-08-31"),
        new("NA113", "Rosalind", "Pike", "Teacher of Geography", Teaching, "NA013", "NA044", "2008-09-01", Left: "2025-08-31"),
        new("NA114", "Francesca", "Romano", "Teacher of Spanish", Teaching, "NA014", "NA050", "2015-09-01", Left: "2025-08-31"),
        new("NA115", "Lynne", "Brierley", "Teaching Assistant", LearningSupport, "NA009", "NA064", "2006-09-04", Hours: 32.5m, Weeks: TermTime, Left: "2025-08-31"),
        new("NA116", "Gary", "Whitham", "Cover Supervisor", LearningSupport, "NA092", "NA072", "2014-09-01", Hours: 35m, Weeks: TermTime, Left: "2025-08-31"),
        new("NA117", "Yvette", "Marshall", "Learning Mentor", Pastoral, "NA005", "NA074", "2011-09-01", Hours: 37m, Weeks: TermTime, Left: "2025-08-31"),
    ];

    /// <summary>Brookside Primary Academy, one form of entry: 11 teachers and 24 support staff.</summary>
    private static Person[] Primary() =>
    [
        new("BP001", "Nasreen", "Akhtar", "Headteacher", Teaching, null, "NA001", "2018-01-02", Slt: true),
        new("BP002", "Matthew", "Cartwright", "Deputy Headteacher and Year 6 Teacher", Teaching, "BP001", "BP003", "2015-09-01", Slt: true),
        new("BP003", "Joanna", "Kaminski", "Assistant Headteacher and SENCo", Teaching, "BP001", "NA009", "2014-09-01", Slt: true),
        new("BP004", "Lesley", "Armitage", "School Business Manager", Business, "BP001", "NA007", "2012-06-01", Slt: true),

        // Class teachers: early years and key stage 1 under the assistant head, key stage 2 under the deputy.
        new("BP005", "Holly", "Brennan", "EYFS Lead and Reception Teacher", Teaching, "BP003", "BP006", "2016-09-01"),
        new("BP006", "Ayesha", "Khan", "Year 1 Teacher", Teaching, "BP003", "BP005", "2020-09-01"),
        new("BP007", "Thomas", "Greenwood", "Year 2 Teacher", Teaching, "BP003", "BP005", "2023-09-01"),
        new("BP008", "Nkechi", "Adebayo", "Year 3 Teacher", Teaching, "BP002", "BP009", "2019-09-01"),
        new("BP009", "Robert", "Ashworth", "Year 4 Teacher and Maths Lead", Teaching, "BP002", "BP010", "2011-09-01"),
        new("BP010", "Sian", "Pritchard", "Year 5 Teacher and English Lead", Teaching, "BP002", "BP009", "2017-09-01"),
        new("BP011", "Katie", "Lawson", "PPA Cover Teacher", Teaching, "BP002", "BP010", "2021-09-01", Hours: 16.25m),
        new("BP012", "Daniel", "Pryce", "Music Teacher", Teaching, "BP002", "BP011", "2024-01-08", Hours: 6.5m),

        // Teaching assistants under the SENCo; one left at Christmas.
        new("BP013", "Donna", "Whiteley", "Higher Level Teaching Assistant", LearningSupport, "BP003", "BP002", "2010-09-01", Hours: 32.5m, Weeks: TermTime),
        new("BP014", "Stacey", "Riley", "Teaching Assistant (Reception)", LearningSupport, "BP003", "BP005", "2017-09-04", Hours: 32.5m, Weeks: TermTime),
        new("BP015", "Parveen", "Bibi", "Teaching Assistant", LearningSupport, "BP003", "BP013", "2019-09-02", Hours: 27.5m, Weeks: TermTime),
        new("BP016", "Natalie", "Swift", "Teaching Assistant", LearningSupport, "BP003", "BP013", "2021-04-12", Hours: 32.5m, Weeks: TermTime),
        new("BP017", "Bilal", "Mahmood", "Teaching Assistant", LearningSupport, "BP003", "BP008", "2022-09-05", Hours: 32.5m, Weeks: TermTime),
        new("BP018", "Claire", "Haworth", "Teaching Assistant", LearningSupport, "BP003", "BP013", "2013-09-02", Hours: 20m, Weeks: TermTime),
        new("BP019", "Olivia", "Greaves", "Teaching Assistant", LearningSupport, "BP003", "BP014", "2024-09-02", Hours: 32.5m, Weeks: TermTime),
        new("BP020", "Magdalena", "Zielinska", "Teaching Assistant", LearningSupport, "BP003", "BP013", "2018-09-03", Hours: 25m, Weeks: TermTime, Left: "2025-12-19"),
        new("BP021", "Emma", "Clegg", "Teaching Assistant (1:1 SEND)", LearningSupport, "BP003", "WB019", "2023-01-09", Hours: 32.5m, Weeks: TermTime),

        new("BP022", "Jodie", "Barrett", "Learning Mentor", Pastoral, "BP003", "BP023", "2016-09-05", Hours: 30m, Weeks: TermTime),
        new("BP023", "Rehana", "Shah", "Parent Support Adviser", Inclusion, "BP003", "NA082", "2015-02-02", Hours: 30m, Weeks: TermTime),
        new("BP024", "Louise", "Fairbairn", "Emotional Literacy Support Assistant", Inclusion, "BP003", "BP022", "2020-09-07", Hours: 25m, Weeks: TermTime),
        new("BP025", "Sandra", "Kerr", "Finance Assistant", Business, "BP004", "BP026", "2019-03-04", Hours: 22.5m),
        new("BP026", "Karen", "Oldroyd", "Office Manager", Administration, "BP004", "BP025", "2008-09-01", Hours: 37m, Weeks: TermTime),
        new("BP027", "Sadia", "Rashid", "Administrative Assistant", Administration, "BP026", "BP025", "2024-04-15", Hours: 25m, Weeks: TermTime),
        new("BP028", "Kevin", "Firth", "Site Manager", Site, "BP004", "NA094", "2005-04-18"),
        new("BP029", "Beverley", "Nuttall", "Cook in Charge", Site, "BP004", "BP028", "2011-09-01", Hours: 30m, Weeks: TermTime),
        new("BP030", "Tracey", "Dyson", "Kitchen Assistant", Site, "BP029", "BP031", "2018-09-03", Hours: 12.5m, Weeks: TermTime),
        new("BP031", "Irena", "Petrova", "Cleaner", Site, "BP028", "BP030", "2021-10-04", Hours: 15m),
        new("BP032", "Sharon", "Wood", "Cleaner", Site, "BP028", "BP031", "2016-01-04", Hours: 12.5m),
        new("BP033", "Lisa", "McBride", "Breakfast and After-School Club Leader", Community, "BP004", "NA101", "2017-09-04", Hours: 25m, Weeks: TermTime),
        new("BP034", "Tariq", "Mirza", "Playworker", Community, "BP033", "BP022", "2023-09-04", Hours: 15m, Weeks: TermTime),
        new("BP035", "Gavin", "Marsden", "ICT Technician", Technical, "BP004", "NA103", "2022-01-10", Hours: 18.5m),
    ];

    /// <summary>Willow Bank School, 2–19, for pupils with severe and profound learning difficulties: 14 teachers, many TAs.</summary>
    private static Person[] Special() =>
    [
        new("WB001", "Jonathan", "Ashby", "Headteacher", Teaching, null, "BP001", "2017-04-18", Slt: true),
        new("WB002", "Deborah", "Quinn", "Deputy Headteacher", Teaching, "WB001", "NA003", "2013-09-01", Slt: true),
        new("WB003", "Hassan", "Jafari", "Assistant Headteacher (Curriculum and Assessment)", Teaching, "WB002", "NA004", "2018-09-01", Slt: true),
        new("WB004", "Paula", "Stringer", "School Business Manager", Business, "WB001", "NA007", "2015-11-02", Slt: true),
        new("WB005", "Bernadette", "Kavanagh", "Head of Care and Family Support", Inclusion, "WB001", "WB002", "2012-05-08", Slt: true),

        // Class teachers: the primary department under the assistant head, secondary and post-16 under the deputy.
        new("WB006", "Lauren", "Pickering", "Class Teacher (Early Years and Primary, PMLD)", Teaching, "WB003", "WB007", "2016-09-01"),
        new("WB007", "Simon", "Oakes", "Class Teacher (Primary, SLD)", Teaching, "WB003", "WB006", "2014-09-01"),
        new("WB008", "Ngozi", "Okeke", "Class Teacher (Primary, Autism)", Teaching, "WB003", "WB009", "2019-09-01"),
        new("WB009", "Charlotte", "Beaumont", "Class Teacher (Primary, SLD)", Teaching, "WB003", "WB006", "2021-09-01"),
        new("WB010", "Imogen", "Hale", "Class Teacher (Primary, ECT)", Teaching, "WB003", "WB007", "2024-09-02"),
        new("WB011", "Stuart", "Lomax", "Class Teacher (Secondary, SLD)", Teaching, "WB002", "WB012", "2010-09-01"),
        new("WB012", "Anjali", "Mistry", "Class Teacher (Secondary, Autism)", Teaching, "WB002", "WB011", "2017-09-01"),
        new("WB013", "Neil", "Gregson", "Class Teacher (Secondary, PMLD)", Teaching, "WB002", "WB014", "2020-01-06"),
        new("WB014", "Farah", "Qureshi", "Class Teacher (Post-16 and Life Skills)", Teaching, "WB002", "WB013", "2015-09-01"),
        new("WB015", "Owain", "Griffiths", "Class Teacher (Post-16)", Teaching, "WB002", "WB014", "2022-09-01", Hours: 26m),
        new("WB016", "Lisa", "Brady", "Teacher of Sensory and Physical Needs", Teaching, "WB003", "NA009", "2019-09-01", Hours: 19.5m),

        // HLTAs lead the classroom teams and line-manage the teaching assistants.
        new("WB017", "Tanya", "Greenhalgh", "Higher Level Teaching Assistant", LearningSupport, "WB003", "WB006", "2009-09-01", Hours: 32.5m, Weeks: TermTime),
        new("WB018", "Joseph", "Mwangi", "Higher Level Teaching Assistant", LearningSupport, "WB002", "WB011", "2014-09-01", Hours: 32.5m, Weeks: TermTime),
        new("WB019", "Sarah", "Bainbridge", "Higher Level Teaching Assistant", LearningSupport, "WB003", "WB017", "2016-09-05", Hours: 32.5m, Weeks: TermTime),
        new("WB020", "Amy", "Holden", "Teaching Assistant", LearningSupport, "WB017", "WB006", "2018-09-03", Hours: 32.5m, Weeks: TermTime),
        new("WB021", "Jake", "Ormerod", "Teaching Assistant", LearningSupport, "WB017", "NA065", "2023-09-04", Hours: 32.5m, Weeks: TermTime),
        new("WB022", "Samantha", "Duffy", "Teaching Assistant", LearningSupport, "WB017", "WB019", "2012-09-03", Hours: 25m, Weeks: TermTime),
        new("WB023", "Noor", "Bashir", "Teaching Assistant", LearningSupport, "WB018", "WB017", "2020-09-07", Hours: 32.5m, Weeks: TermTime),
        new("WB024", "Craig", "Ingham", "Teaching Assistant", LearningSupport, "WB018", "WB011", "2017-01-09", Hours: 32.5m, Weeks: TermTime),
        new("WB025", "Precious", "Moyo", "Teaching Assistant", LearningSupport, "WB018", "WB019", "2021-09-06", Hours: 32.5m, Weeks: TermTime),
        new("WB026", "Kirsty", "Lamb", "Teaching Assistant", LearningSupport, "WB019", "WB018", "2015-09-07", Hours: 27.5m, Weeks: TermTime),
        new("WB027", "Ewa", "Mazur", "Teaching Assistant", LearningSupport, "WB019", "WB017", "2019-09-02", Hours: 32.5m, Weeks: TermTime),
        new("WB028", "Danny", "Fitzgerald", "Teaching Assistant", LearningSupport, "WB019", "WB018", "2024-09-02", Hours: 32.5m, Weeks: TermTime),
        new("WB029", "Yasmin", "Chowdhury", "Teaching Assistant", LearningSupport, "WB017", "WB014", "2022-01-04", Hours: 32.5m, Weeks: TermTime),
        new("WB030", "Hayley", "Stott", "Teaching Assistant (Personal Care)", LearningSupport, "WB018", "WB005", "2013-09-02", Hours: 30m, Weeks: TermTime),
        new("WB031", "Aaron", "Bolton", "Teaching Assistant", LearningSupport, "WB019", "WB012", "2025-01-06", Hours: 32.5m, Weeks: TermTime),

        new("WB032", "Mandy", "Crossley", "Behaviour and Wellbeing Mentor", Pastoral, "WB005", "NA074", "2016-04-11", Hours: 32.5m, Weeks: TermTime),
        new("WB033", "Rukhsana", "Akram", "Family Liaison Officer", Inclusion, "WB005", "NA082", "2019-06-03", Hours: 30m, Weeks: TermTime),
        new("WB034", "Eilidh", "Munro", "Speech and Language Therapy Assistant", Inclusion, "WB005", "WB033", "2021-09-06", Hours: 32.5m, Weeks: TermTime),
        new("WB035", "Philip", "Eastwood", "Finance and HR Officer", Business, "WB004", "WB036", "2017-10-02"),
        new("WB036", "Carol", "Senior", "Office Manager", Administration, "WB004", "WB035", "2011-09-01"),
        new("WB037", "Zoe", "Ackroyd", "Receptionist and Transport Coordinator", Administration, "WB036", "WB035", "2022-03-07", Hours: 30m, Weeks: TermTime),
        new("WB038", "Terry", "Hirst", "Site Manager", Site, "WB004", "NA094", "2008-01-07"),
        new("WB039", "Maria", "Santos", "Cook", Site, "WB004", "WB038", "2014-09-01", Hours: 25m, Weeks: TermTime),
        new("WB040", "Rebecca", "Hartley", "Short Breaks and Youth Club Coordinator", Community, "WB005", "NA101", "2018-09-03", Hours: 20m),
        new("WB041", "Faisal", "Anwar", "IT and Assistive Technology Technician", Technical, "WB004", "NA103", "2020-02-03"),
    ];
}
