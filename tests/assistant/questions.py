"""Questions for calibrating when the assistant answers, written from the
shared articles (../shared/data/kb-*): workers' own words, typos included.

ANSWERABLE pairs each question with the slugs of the articles that answer
it; OUT_OF_SCOPE are things an IT team's articles do not cover.
"""

ANSWERABLE: list[tuple[str, set[str]]] = [
    ("how do I connect to the wifi", {"net-wireless-connect", "net-wireless"}),
    ("wireless network is hidden, how do i join it", {"net-wireless-hidden"}),
    ("my wifi keeps disconnecting", {"net-wireless-disconnecting"}),
    (
        "entered the right wifi password but still cant connect",
        {"net-wireless-noconnection"},
    ),
    ("printer paper jam", {"printing-paperjam"}),
    ("how to cancel a print job", {"printing-cancel-job"}),
    ("print on both sides of the paper", {"printing-2sided"}),
    ("my keybord layout is wrong, switch to another language", {"keyboard-layouts"}),
    (
        "no sound from my speakers",
        {"sound-nosound", "sound-broken", "sound-usespeakers"},
    ),
    ("microphone not working", {"sound-usemic"}),
    ("connect bluetooth headphones", {"bluetooth-connect-device"}),
    ("turn bluetooth off", {"bluetooth-turn-on-off"}),
    ("screen goes blank too fast", {"display-blank", "power-whydim"}),
    ("set up two monitors", {"display-dual-monitors"}),
    ("change screen resolution", {"look-resolution"}),
    ("battery drains quickly", {"power-batterylife", "power-batteryslow"}),
    ("laptop will not turn on", {"power-willnotturnon"}),
    (
        "computer is very hot and the fan is loud",
        {"power-hotcomputer", "power-constantfan"},
    ),
    ("recover deleted files", {"files-recover", "files-lost"}),
    ("how do I back up my files", {"backup-how", "backup-why", "backup-where"}),
    ("lock my screen", {"shell-lockscreen", "privacy-screen-lock"}),
    ("change my password", {"user-changepassword", "password-procedure"}),
    ("what makes a good password", {"user-goodpassword", "password-requirements"}),
    ("connect to the vpn", {"net-vpn-connect", "personal-vpn"}),
    ("find my ip address", {"net-findip", "net-what-is-ip-address"}),
    ("internet is slow", {"net-slow"}),
    (
        "how do I request access to an application",
        {"access-requests", "access-requests-faq"},
    ),
    ("okta sign in problems", {"okta-enduser-faq", "okta"}),
    ("report a phishing email", {"phishing-program", "security-incidents"}),
    ("zoom meeting setup", {"zoom"}),
]

OUT_OF_SCOPE: list[str] = [
    "what is on the lunch menu today",
    "where can I park my bike",
    "office parking permit",
    "how many vacation days do I have left",
    "when is payday this month",
    "book a meeting room in the canteen",
    "my manager is on maternity leave who approves my holiday",
    "recipe for banana bread",
    "how do I claim travel expenses for a train ticket",
    "the coffee machine on floor 2 is empty",
    "who won the football match yesterday",
    "translate this contract into german",
    "how tall is the eiffel tower",
    "pension scheme contributions",
    "dentist appointment tomorrow",
]
