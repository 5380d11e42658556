"""What the demo's workers ask the IT desk for, and how the desk answers.

Each topic holds the words of one kind of ticket: the ways a worker puts the
problem (each with the resolution that fixes it), the desk's first replies,
and the questions the desk asks with the answers a worker gives. Texts may
name a detail in braces, such as {app}; the demo picks one value per ticket
from `DETAILS`, so a ticket speaks of the same application throughout.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Ask:
    title: str
    description: str
    resolution: str


@dataclass(frozen=True)
class Question:
    text: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    kind: str
    # How often workers ask about this, relative to the other topics.
    weight: int
    # (priority, relative weight): mostly medium and low, as on real desks.
    priorities: tuple[tuple[str, int], ...]
    asks: tuple[Ask, ...]
    replies: tuple[str, ...]
    questions: tuple[Question, ...]
    # Asked by a team's manager on someone else's behalf.
    by_manager: bool = False


DETAILS = {
    "app": (
        "the expenses app",
        "the CRM",
        "the payroll system",
        "the contracts database",
        "the reporting dashboard",
        "the HR portal",
        "the build server",
        "the wiki",
    ),
    "room": ("Birch", "Cedar", "Oak", "Willow", "the boardroom"),
    "floor": ("first", "second", "third", "fourth"),
    "software": (
        "a diagramming tool",
        "a PDF editor",
        "a statistics package",
        "a screen recorder",
        "a password manager",
        "the database client",
    ),
    "phone": ("an Android phone", "an iPhone"),
    "folder": (
        "the Finance shared drive",
        "the Sales proposals folder",
        "the Engineering design folder",
        "the People policies folder",
    ),
    "device": ("docking station", "monitor", "headset", "keyboard", "webcam"),
    "day": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
}

TOPICS = (
    Topic(
        kind="request",
        weight=14,
        priorities=(("medium", 6), ("high", 1), ("low", 2)),
        asks=(
            Ask(
                "Locked out of my account",
                "I typed my password wrong too many times and now the sign-in "
                "page says my account is locked.",
                "Account unlocked and password reset. The lock-out came from an "
                "old session on another device.",
            ),
            Ask(
                "Password expired while I was on leave",
                "I came back from leave and my password has expired. The reset "
                "link in the email does not work for me.",
                "Password reset; you are signed in again.",
            ),
            Ask(
                "Reset my password, please",
                "I cannot sign in to {app} or my email since this morning.",
                "Password reset. {app} and email take the new one now.",
            ),
        ),
        replies=(
            "I have unlocked the account. Please sign in again and choose a "
            "new password when asked.",
            "Sending a reset link to your phone now; it is valid for an hour.",
        ),
        questions=(
            Question(
                "Can you confirm the last four digits of your phone number so I "
                "can send the reset code?",
                ("It ends in 4821.", "The number on file should end in 0937."),
            ),
        ),
    ),
    Topic(
        kind="incident",
        weight=10,
        priorities=(("medium", 5), ("high", 2), ("low", 1)),
        asks=(
            Ask(
                "VPN drops every few minutes",
                "The VPN connects, then drops after two or three minutes. I "
                "cannot reach {app} from home.",
                "Updated the VPN client to the current version; the connection "
                "has been stable for an hour.",
            ),
            Ask(
                "VPN says the certificate is not trusted",
                "Since yesterday the VPN client says the certificate is not "
                "trusted and refuses to connect.",
                "Your laptop had an old certificate; replaced it and the VPN "
                "connects again.",
            ),
            Ask(
                "Cannot connect to the VPN from home",
                "Working from home today and the VPN times out before it connects.",
                "Your home router blocked the VPN's port; with the fallback "
                "setting turned on it connects.",
            ),
        ),
        replies=(
            "Looking into it. Could you restart the VPN client once while I "
            "check the gateway logs?",
            "We can see your attempts in the gateway logs; checking now.",
        ),
        questions=(
            Question(
                "Which version of the VPN client do you have? It is under Help, About.",
                ("It says version 5.2.1.", "Version 4.9, I think."),
            ),
            Question(
                "Does it also happen on another network, for example your "
                "phone's hotspot?",
                (
                    "On the hotspot it works fine, so it might be my router.",
                    "Same on the hotspot.",
                ),
            ),
        ),
    ),
    Topic(
        kind="request",
        weight=6,
        priorities=(("low", 5), ("medium", 2), ("lowest", 1)),
        asks=(
            Ask(
                "Laptop battery lasts under an hour",
                "My laptop is four years old and the battery now lasts less "
                "than an hour away from the desk.",
                "New laptop handed over and your files moved across. The old "
                "one goes for secure disposal.",
            ),
            Ask(
                "Replace my laptop, the hinge is broken",
                "The screen hinge cracked and the display flickers when I move it.",
                "Replacement laptop set up and working; the broken one goes "
                "back under warranty.",
            ),
            Ask(
                "Laptop replacement: keyboard keys stopped working",
                "Several keys on the keyboard no longer respond; an external "
                "keyboard works.",
                "Replacement laptop set up and working.",
            ),
        ),
        replies=(
            "Thanks. Your laptop is due for replacement anyway; I will order "
            "one and let you know when it arrives.",
            "We have a spare in stock; I will prepare it with your apps.",
        ),
        questions=(
            Question(
                "Which day suits you to swap laptops? It takes about half an hour.",
                ("{day} morning works for me.", "Any time on {day} after lunch."),
            ),
        ),
    ),
    Topic(
        kind="request",
        weight=12,
        priorities=(("medium", 4), ("low", 4), ("lowest", 1)),
        asks=(
            Ask(
                "Access to {app}",
                "I need access to {app} for my new project. My manager has agreed.",
                "Access granted. Sign out and in again to see it.",
            ),
            Ask(
                "Please give me access to {app}",
                "I can sign in to {app} but cannot see anything. I think I need "
                "a role added.",
                "Role added in {app}, approved by your manager.",
            ),
            Ask(
                "Need edit rights in {app}",
                "Could I have edit rights in {app}? I only have read access.",
                "Edit rights added in {app}, approved by your manager.",
            ),
        ),
        replies=(
            "Access needs your manager's approval; I have asked them.",
            "Adding the role now; it can take a few minutes to show up.",
        ),
        questions=(
            Question(
                "Which role do you need: viewer, editor or approver?",
                ("Editor, please.", "Approver; I sign off the team's work."),
            ),
            Question(
                "Is this access for a fixed period, or ongoing?",
                (
                    "Ongoing; it is part of my new role.",
                    "Until the end of the quarter.",
                ),
            ),
        ),
    ),
    Topic(
        kind="incident",
        weight=7,
        priorities=(("low", 5), ("medium", 2)),
        asks=(
            Ask(
                "Printer on the {floor} floor keeps jamming",
                "The printer on the {floor} floor jams on every second page.",
                "Cleared the paper path and replaced a worn roller; test pages "
                "print fine.",
            ),
            Ask(
                "Cannot print to the office printer",
                "My print jobs stay in the queue and never come out.",
                "Re-added the printer on your laptop; the queue is clear.",
            ),
            Ask(
                "Printer prints blank pages",
                "The printer on the {floor} floor feeds the paper but the pages "
                "come out blank.",
                "Replaced the empty toner; pages print normally again.",
            ),
        ),
        replies=(
            "Thanks, I will have a look at the printer this afternoon.",
            "I can see the problem from the print server; looking into it.",
        ),
        questions=(
            Question(
                "Does the printer's screen show an error code?",
                ("It says E-31.", "No code, just a flashing orange light."),
            ),
        ),
    ),
    Topic(
        kind="incident",
        weight=8,
        priorities=(("medium", 5), ("low", 2), ("high", 1)),
        asks=(
            Ask(
                "Wi-Fi keeps dropping in meeting room {room}",
                "Calls drop in meeting room {room} because the Wi-Fi "
                "disconnects every few minutes.",
                "Restarted and updated the access point by {room}; coverage is back.",
            ),
            Ask(
                "No Wi-Fi on the {floor} floor",
                "Nobody near the windows on the {floor} floor can connect to "
                "the Wi-Fi.",
                "Replaced a faulty access point on the {floor} floor.",
            ),
            Ask(
                "Wi-Fi is very slow this afternoon",
                "Pages take ages to load on the office Wi-Fi; the cable is fine.",
                "A backup job was filling the office link; moved it to the night.",
            ),
        ),
        replies=(
            "We are checking the access points for that area.",
            "Thanks for reporting it; one access point is showing errors.",
        ),
        questions=(
            Question(
                "Roughly where were you sitting when it dropped?",
                ("By the window, next to the plants.", "Near the kitchen."),
            ),
        ),
    ),
    Topic(
        kind="request",
        weight=9,
        priorities=(("low", 5), ("lowest", 2), ("medium", 1)),
        asks=(
            Ask(
                "Install {software}",
                "Could you install {software} on my laptop? I need it for a "
                "client report.",
                "Installed {software}; you will find it in the start menu.",
            ),
            Ask(
                "Licence for {software}",
                "My trial of {software} ran out; could I have a licence?",
                "Licence assigned and {software} activated.",
            ),
            Ask(
                "Software request: {software}",
                "The team has agreed to use {software}; I would like it installed.",
                "Installed {software} from the approved catalogue.",
            ),
        ),
        replies=(
            "It is in the approved catalogue; pushing it to your laptop now.",
            "Checking the licence pool and will get back to you.",
        ),
        questions=(
            Question(
                "Is the free version enough, or do you need the paid features?",
                ("The paid one; I need to export to PDF.", "Free is fine, thanks."),
            ),
        ),
    ),
    Topic(
        kind="request",
        weight=6,
        priorities=(("low", 5), ("lowest", 1)),
        asks=(
            Ask(
                "Set up work email on my new phone",
                "I have {phone} and would like my work email and calendar on it.",
                "Phone enrolled; mail and calendar are syncing.",
            ),
            Ask(
                "Email stopped syncing on my phone",
                "Email on my phone stopped updating after the weekend.",
                "Removed and re-added the account; mail syncs again.",
            ),
        ),
        replies=(
            "Happy to help. You will need the company portal app first; I "
            "have sent you the link.",
        ),
        questions=(
            Question(
                "Have you installed the company portal app yet?",
                (
                    "Yes, installed it this morning.",
                    "Done now; it asked me to sign in.",
                ),
            ),
        ),
    ),
    Topic(
        kind="incident",
        weight=7,
        priorities=(("medium", 4), ("high", 2)),
        asks=(
            Ask(
                "New phone, cannot approve sign-in prompts",
                "I changed phones and the authenticator app on the new one does "
                "not have my account, so I cannot sign in.",
                "Second factor reset and the new phone registered.",
            ),
            Ask(
                "MFA codes are rejected",
                "Every code from the authenticator app is rejected as invalid.",
                "The phone's clock was wrong, which broke the codes; set it to "
                "automatic and codes work again.",
            ),
            Ask(
                "Not getting the MFA prompt",
                "The sign-in page says a prompt was sent, but nothing arrives "
                "on my phone.",
                "Notifications for the authenticator app were off; turned them "
                "on and the prompts arrive.",
            ),
        ),
        replies=("Let us get you signed in again; I will check your second factor.",),
        questions=(
            Question(
                "Are you near a laptop that is still signed in, so we can do "
                "the fix together?",
                ("Yes, at my desk now.", "I can be at my desk in ten minutes."),
            ),
        ),
    ),
    Topic(
        kind="request",
        weight=6,
        priorities=(("medium", 3), ("low", 3)),
        asks=(
            Ask(
                "Access to {folder}",
                "Please give me access to {folder}; I am covering for a colleague.",
                "Added you to the folder's group; it may take ten minutes to apply.",
            ),
            Ask(
                "Cannot open files in {folder}",
                "Files in {folder} say I do not have permission since yesterday.",
                "A permissions change last night dropped your group; restored it.",
            ),
        ),
        replies=("Checking the folder's permissions now.",),
        questions=(
            Question(
                "Who owns {folder} and can approve the access?",
                (
                    "My manager does; they are copied in.",
                    "The team lead; I have asked them to reply here.",
                ),
            ),
        ),
    ),
    Topic(
        kind="incident",
        weight=6,
        priorities=(("low", 5), ("medium", 1)),
        asks=(
            Ask(
                "Second {device} not detected",
                "The {device} on my desk is not detected since I moved desks.",
                "Updated the dock's firmware and the {device} is detected.",
            ),
            Ask(
                "My {device} stopped working",
                "My {device} stopped working this morning; I tried another cable.",
                "Swapped the {device}; the old one was faulty.",
            ),
        ),
        replies=("I will bring a spare {device} to your desk to test.",),
        questions=(
            Question(
                "Which desk are you at now?",
                ("Desk 3.14 on the third floor.", "The hot desks by the stairs."),
            ),
        ),
    ),
    Topic(
        kind="incident",
        weight=6,
        priorities=(("medium", 4), ("low", 2), ("high", 1)),
        asks=(
            Ask(
                "Nobody can hear me on video calls",
                "In every video call people say my microphone is silent.",
                "The app had picked the dock's microphone; set the headset as default.",
            ),
            Ask(
                "Camera not found in video calls",
                "The video call app says no camera was found, but it worked last week.",
                "A privacy setting blocked the camera; allowed it again.",
            ),
        ),
        replies=("Thanks; let us check the device settings together.",),
        questions=(
            Question(
                "Could you send a screenshot of the settings in the call app?",
                ("Screenshot attached.", "Sent it by chat just now."),
            ),
        ),
    ),
    Topic(
        kind="incident",
        weight=4,
        priorities=(("high", 4), ("highest", 1), ("medium", 2)),
        asks=(
            Ask(
                "Suspicious email asking for my password",
                "I received an email that looks like it comes from payroll, "
                "asking me to confirm my password on an odd website.",
                "The email was phishing; removed it from every mailbox and "
                "blocked the sender. No account was affected.",
            ),
            Ask(
                "I clicked a phishing link",
                "I clicked a link in an email before noticing it was fake. I "
                "did not type anything.",
                "Checked your sign-ins and reset your sessions as a precaution; "
                "nothing was compromised.",
            ),
        ),
        replies=(
            "Thank you for reporting it quickly. Please do not open the email "
            "again; we are checking it now.",
        ),
        questions=(
            Question(
                "Did you type your password or any code on that page?",
                ("No, I closed it straight away.", "No, nothing at all."),
            ),
        ),
    ),
    Topic(
        kind="request",
        weight=4,
        priorities=(("medium", 5), ("low", 1)),
        asks=(
            Ask(
                "Account and laptop for a new starter",
                "A new colleague joins my team on {day}. They will need an "
                "account, a laptop and access to {app}.",
                "Account created, {app} access set up and the laptop prepared; "
                "the welcome pack is on your desk.",
            ),
            Ask(
                "New starter on {day}",
                "Please prepare an account and a laptop for our new starter, "
                "who starts on {day}.",
                "Account created and laptop prepared for {day}.",
            ),
        ),
        replies=("Thanks for the notice; we will have everything ready.",),
        questions=(
            Question(
                "Which team and which manager should the account show?",
                (
                    "Same team as me, and I am the manager.",
                    "My team; I will be their manager.",
                ),
            ),
        ),
        by_manager=True,
    ),
    Topic(
        kind="request",
        weight=2,
        priorities=(("medium", 4), ("high", 1)),
        asks=(
            Ask(
                "Leaver: remove access",
                "A colleague in my team leaves on {day}. Please remove their "
                "access that evening and collect the laptop.",
                "Access removed, laptop collected and mailbox handled as asked.",
            ),
            Ask(
                "Colleague leaving on {day}",
                "Someone in my team has their last day on {day}; please close "
                "their accounts afterwards.",
                "Accounts closed after their last day and the laptop collected.",
            ),
        ),
        replies=("Noted; access will be removed at the end of that day.",),
        questions=(
            Question(
                "Should their mailbox be forwarded to you?",
                ("Yes, forward it to me for a month.", "No forwarding, thanks."),
            ),
        ),
        by_manager=True,
    ),
    Topic(
        kind="incident",
        weight=3,
        priorities=(("highest", 2), ("high", 3)),
        asks=(
            Ask(
                "{app} is down for the whole team",
                "Nobody in my team can open {app}; it shows a server error.",
                "A full disk on the server stopped {app}; space freed and the "
                "service restarted.",
            ),
            Ask(
                "Cannot reach {app}",
                "{app} is not loading for anyone in the office.",
                "The vendor fixed an expired certificate; {app} is back.",
            ),
        ),
        replies=("We are aware and working on it; next update within 30 minutes.",),
        questions=(
            Question(
                "Are you still seeing the error after a refresh?",
                ("It loads again now.", "Still the same error."),
            ),
        ),
    ),
    Topic(
        kind="incident",
        weight=4,
        priorities=(("low", 4), ("medium", 1)),
        asks=(
            Ask(
                "My mailbox is full",
                "I get a warning that my mailbox is full and emails bounce.",
                "Online archive turned on; the mailbox is at 40% now.",
            ),
            Ask(
                "Cannot send email: mailbox over quota",
                "Every email I send comes back saying my mailbox is over its quota.",
                "Moved old mail to the online archive; sending works again.",
            ),
        ),
        replies=("I can turn on the online archive for you.",),
        questions=(
            Question(
                "Is it fine to archive email older than two years?",
                ("Yes, that is fine.", "Please keep the last three years."),
            ),
        ),
    ),
    Topic(
        kind="incident",
        weight=5,
        priorities=(("low", 4), ("medium", 2)),
        asks=(
            Ask(
                "Laptop is very slow",
                "My laptop takes ten minutes to start and freezes when I open {app}.",
                "Installed the pending updates and removed an old sync tool; it "
                "starts in under a minute now.",
            ),
            Ask(
                "Laptop freezes after lunch",
                "Every afternoon my laptop freezes and I have to hold the power "
                "button.",
                "A failing memory module caused the freezes; replaced it.",
            ),
        ),
        replies=("Running a remote check on your laptop now.",),
        questions=(
            Question(
                "Can you leave the laptop on tonight so the checks can run?",
                ("Will do.", "Left it on and plugged in."),
            ),
        ),
    ),
)

# Words that fit any topic.
FOLLOW_UPS = (
    "Any news on this? It is holding up my work.",
    "Just checking in; is there anything I can do?",
)
NOTES = (
    "Checked the logs; nothing unusual on our side.",
    "Same problem reported twice this month; worth a look at the root cause.",
    "Spoke to the worker by phone; details agreed.",
    "Vendor case opened; waiting on their reply.",
    "Tried the usual fix first; it did not help.",
)
STALL_NOTES = (
    "Parts on order from the supplier; expected in two to three weeks.",
    "Needs a change by the vendor; they have it on their list.",
)
REOPEN_REASONS = (
    "It worked for a day but the problem is back.",
    "Still happening after the fix, with the same error as before.",
)
RAISE_REASONS = (
    "Three more people on the team report the same; raising.",
    "Blocking the month-end close; raising.",
)
LOWER_REASONS = (
    "A workaround is in place; lowering.",
    "Only affects a spare device; lowering.",
)
NO_ANSWER_RESOLUTIONS = (
    "We have not heard back, so we are resolving this. Reopen it if you "
    "still need help.",
)
OUT_OF_HOURS_MESSAGE = (
    "Thanks for asking. The IT desk is closed right now; your ticket is in "
    "the queue and someone will pick it up when the desk opens."
)
STALL_REPLY = (
    "This is waiting on a supplier. We will update you here as soon as we hear back."
)
SECOND_RESOLUTIONS = (
    "Looked again and found the real cause; fixed properly this time.",
    "Fixed again, and corrected the setting underneath so that it stays fixed.",
)
