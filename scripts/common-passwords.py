#!/usr/bin/env python3
"""Writes src/Lynchpin.Core/Accounts/common-passwords.txt: passwords people choose again and again.

Built from the best-known common passwords (the top of every published breach list) and the patterns those lists are
full of: a word or name with digits, a year or '!' on the end, keyboard walks, repeated and counted digits. Only
entries of 12 or more characters are kept, since anything shorter already fails the length rule. Lower case: the check
is a case-insensitive match of the whole password. Run it again after changing the lists below.
"""
import pathlib

WORDS = """
password passw0rd p@ssword p@ssw0rd qwerty qwertyuiop asdfgh asdfghjkl zxcvbnm iloveyou letmein welcome
monkey dragon master shadow sunshine princess football baseball soccer hockey basketball cricket rugby golf
superman batman spiderman starwars pokemon minecraft fortnite roblox trustno1 whatever freedom hello
secret login admin administrator changeme default access computer internet google facebook microsoft
michael jennifer jessica michelle ashley amanda nicole daniel matthew andrew joshua thomas robert charlie
george harry oliver jack james william jordan taylor hannah sophie emily chloe olivia lucy grace jasmine
summer winter autumn spring january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
chelsea arsenal liverpool everton tottenham manchester manutd mancity leeds newcastle celtic rangers
england scotland wales ireland britain london yorkshire lancashire birmingham
teacher school student pupil classroom academy teaching learning headteacher education college university
lynchpin northfield brookside
love lover loveme iloveu babygirl angel angels flower flowers butterfly rainbow unicorn
cheese chocolate cookie banana orange apple pepper ginger coffee pizza
tigger buster maggie bailey molly daisy rosie poppy bella max charlie buddy lucky
killer hunter ranger cowboy tiger lion eagle falcon phoenix wolf bear
matrix merlin jupiter mercury galaxy planet universe
purple yellow silver golden diamond crystal
family friends forever together
qazwsx 1qaz2wsx zaq12wsx q1w2e3r4 1q2w3e4r abc123 abcd1234 aaa111 a1b2c3
""".split()

SUFFIXES = ["", "1", "123", "1234", "12345", "123456", "!", "1!", "123!", "1234!", "!!", "01", "69", "99", "@123",
            "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026", "2024!", "2025!", "2026!", "123456789"]

PREFIXES = ["", "ilove"]

WHOLE = """
123456789012 1234567890123 12345678901234 123456789012345 1234567890123456 012345678901 0123456789012
098765432109 109876543210 987654321098 9876543210987 123123123123 121212121212 112233445566 111222333444
123456123456 123412341234 147258369147 159753159753 123321123321 987654321987 101010101010 696969696969
qwertyuiop12 qwertyuiop123 qwertyuiop1234 qwertyuiopasdf qwertyuiopasdfgh qwertyuiopasdfghjkl
asdfghjkl123 asdfghjkl1234 asdfghjkl;' zxcvbnm12345 zxcvbnm123456 qwerty123456 qwerty1234567 qwertyqwerty
asdfasdfasdf qwerasdfzxcv 1qaz2wsx3edc 1qaz2wsx3edc4rfv 1q2w3e4r5t6y 1q2w3e4r5t6y7u 1q2w3e4r5t6y7u8i
zaq12wsxcde3 zaq1zaq1zaq1 qazwsxedcrfv qazwsxedc123 1qazxsw23edc !qaz2wsx3edc q1w2e3r4t5y6 a1b2c3d4e5f6
abc123abc123 abcdefghijkl abcdefghijklm abcdefg12345 abcdef123456 abcd12345678 aaaaaaaaaaaa
passwordpassword password1234 password12345 password123456 password1234! password123! password!!!
passw0rd1234 p@ssw0rd1234 p@ssword1234 mypassword123 mypassword1234 newpassword1 newpassword123
changeme1234 changeme12345 letmein12345 letmeinplease iloveyou1234 iloveyou12345 iloveyouforever
trustno1trustno1 correcthorsebatterystaple administrator administrator1 administrator123
welcome12345 welcome123456 welcometoschool welcome2school welcometolynchpin lynchpin1234 lynchpin2026
manchesterunited manchestercity liverpoolfc123 liverpool1892 arsenal123456 chelseafc1234 tottenhamhotspur
schoolpassword teacherpassword staffpassword headteacher1 headteacher123 teachingassistant
thisismypassword thisisapassword mysecretpassword supersecretpassword secretpassword1 myschoolpassword
""".split()

DIGITS = [str(d) * n for d in range(10) for n in range(12, 17)]
COUNTS = ["".join(str(i % 10) for i in range(1, n + 1)) for n in range(12, 21)]
COUNTS += ["".join(str(i % 10) for i in range(0, n)) for n in range(12, 21)]


def main() -> None:
    found = set()
    for word in WORDS:
        for prefix in PREFIXES:
            for suffix in SUFFIXES:
                found.add((prefix + word + suffix).lower())
        found.add((word * 2).lower())
        found.add((word * 3).lower())
    found.update(w.lower() for w in WHOLE)
    found.update(DIGITS)
    found.update(COUNTS)
    kept = sorted(p for p in found if len(p) >= 12)
    target = pathlib.Path(__file__).resolve().parent.parent / "src/Lynchpin.Core/Accounts/common-passwords.txt"
    target.write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} passwords written to {target}")


if __name__ == "__main__":
    main()
