"""What the demo's workers ask the IT desk for, and how the desk answers.

Each topic holds the words of one kind of ticket from its title to its
resolution. Texts may name a detail in braces, such as {app}; the demo picks
one value per ticket from `DETAILS`, so a ticket speaks of the same
application from its description to its resolution.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    kind: str
    # How often workers ask about this, relative to the other topics.
    weight: int
    # (priority, relative weight): mostly medium and low, as on real desks.
    priorities: tuple[tuple[str, int], ...]
    titles: tuple[str, ...]
    descriptions: tuple[str, ...]
    replies: tuple[str, ...]
    questions: tuple[str, ...]
    answers: tuple[str, ...]
    resolutions: tuple[str, ...]
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
        titles=(
            "Locked out of my account",
            "Password expired while I was on leave",
            "Reset my password, please",
        ),
        descriptions=(
            "I typed my password wrong too many times and now the sign-in "
            "page says my account is locked.",
            "I came back from leave and my password has expired. The reset "
            "link in the email does not work for me.",
            "I cannot sign in to {app} or my email since this morning.",
        ),
        replies=(
            "I have unlocked the account. Please sign in again and choose a "
            "new password when asked.",
            "Sending a reset link to your phone now; it is valid for an hour.",
        ),
        questions=(
            "Can you confirm the last four digits of your phone number so I "
            "can send the reset code?",
        ),
        answers=("It ends in 4821.", "The number on file should end in 0937."),
        resolutions=(
            "Account unlocked and password reset. The lock-out came from an "
            "old session on another device.",
            "Password reset; you are signed in again.",
        ),
    ),
    Topic(
        kind="incident",
        weight=10,
        priorities=(("medium", 5), ("high", 2), ("low", 1)),
        titles=(
            "VPN drops every few minutes",
            "Cannot connect to the VPN from home",
            "VPN says the certificate is not trusted",
        ),
        descriptions=(
            "The VPN connects, then drops after two or three minutes. I "
            "cannot reach {app} from home.",
            "Since yesterday the VPN client says the certificate is not "
            "trusted and refuses to connect.",
            "Working from home today and the VPN times out before it connects.",
        ),
        replies=(
            "Looking into it. Could you restart the VPN client once while I "
            "check the gateway logs?",
            "We can see your attempts in the gateway logs; checking now.",
        ),
        questions=(
            "Which version of the VPN client do you have? It is under Help, About.",
            "Does it also happen on another network, for example your phone's hotspot?",
        ),
        answers=(
            "It says version 5.2.1.",
            "On the hotspot it works fine, so it might be my router.",
        ),
        resolutions=(
            "Updated the VPN client to the current version; the connection "
            "has been stable for an hour.",
            "Your laptop had an old certificate; replaced it and the VPN "
            "connects again.",
        ),
    ),
    Topic(
        kind="request",
        weight=6,
        priorities=(("low", 5), ("medium", 2), ("lowest", 1)),
        titles=(
            "Laptop battery lasts under an hour",
            "Replace my laptop, the hinge is broken",
            "Laptop replacement: keyboard keys stopped working",
        ),
        descriptions=(
            "My laptop is four years old and the battery now lasts less than "
            "an hour away from the desk.",
            "The screen hinge cracked and the display flickers when I move it.",
            "Several keys on the keyboard no longer respond; an external "
            "keyboard works.",
        ),
        replies=(
            "Thanks. Your laptop is due for replacement anyway; I will order "
            "one and let you know when it arrives.",
            "We have a spare in stock; I will prepare it with your apps.",
        ),
        questions=(
            "Which day suits you to swap laptops? It takes about half an hour.",
        ),
        answers=(
            "{day} morning works for me.",
            "Any time on {day} after lunch.",
        ),
        resolutions=(
            "New laptop handed over and your files moved across. The old one "
            "goes for secure disposal.",
            "Replacement laptop set up and working.",
        ),
    ),
    Topic(
        kind="request",
        weight=12,
        priorities=(("medium", 4), ("low", 4), ("lowest", 1)),
        titles=(
            "Access to {app}",
            "Please give me access to {app}",
            "Need edit rights in {app}",
        ),
        descriptions=(
            "I need access to {app} for my new project. My manager has agreed.",
            "I can sign in to {app} but cannot see anything. I think I need a "
            "role added.",
            "Could I have edit rights in {app}? I only have read access.",
        ),
        replies=(
            "Access needs your manager's approval; I have asked them.",
            "Adding the role now; it can take a few minutes to show up.",
        ),
        questions=(
            "Which role do you need: viewer, editor or approver?",
            "Is this access for a fixed period, or ongoing?",
        ),
        answers=("Editor, please.", "Ongoing; it is part of my new role."),
        resolutions=(
            "Access granted. Sign out and in again to see it.",
            "Role added in {app}, approved by your manager.",
        ),
    ),
    Topic(
        kind="incident",
        weight=7,
        priorities=(("low", 5), ("medium", 2)),
        titles=(
            "Printer on the {floor} floor keeps jamming",
            "Cannot print to the office printer",
            "Printer prints blank pages",
        ),
        descriptions=(
            "The printer on the {floor} floor jams on every second page.",
            "My print jobs stay in the queue and never come out.",
            "The printer on the {floor} floor feeds the paper but the pages "
            "come out blank.",
        ),
        replies=(
            "Thanks, I will have a look at the printer this afternoon.",
            "I can see the job stuck in the queue; clearing it now.",
        ),
        questions=("Does the printer's screen show an error code?",),
        answers=("It says E-31.", "No code, just a flashing orange light."),
        resolutions=(
            "Replaced the toner and cleared the paper path; test pages print fine.",
            "Re-added the printer on your laptop; the queue is clear.",
        ),
    ),
    Topic(
        kind="incident",
        weight=8,
        priorities=(("medium", 5), ("low", 2), ("high", 1)),
        titles=(
            "Wi-Fi keeps dropping in meeting room {room}",
            "No Wi-Fi on the {floor} floor",
            "Wi-Fi is very slow this afternoon",
        ),
        descriptions=(
            "Calls drop in meeting room {room} because the Wi-Fi disconnects "
            "every few minutes.",
            "Nobody near the windows on the {floor} floor can connect to the Wi-Fi.",
            "Pages take ages to load on the office Wi-Fi; the cable is fine.",
        ),
        replies=(
            "We are checking the access point for that area.",
            "Thanks for reporting it; one access point is showing errors.",
        ),
        questions=("Roughly where were you sitting when it dropped?",),
        answers=("By the window, next to the plants.", "Near the kitchen."),
        resolutions=(
            "Restarted and updated the access point; coverage is back.",
            "Replaced a faulty access point on the {floor} floor.",
        ),
    ),
    Topic(
        kind="request",
        weight=9,
        priorities=(("low", 5), ("lowest", 2), ("medium", 1)),
        titles=(
            "Install {software}",
            "Licence for {software}",
            "Software request: {software}",
        ),
        descriptions=(
            "Could you install {software} on my laptop? I need it for a client report.",
            "My trial of {software} ran out; could I have a licence?",
            "The team has agreed to use {software}; I would like it installed.",
        ),
        replies=(
            "It is in the approved catalogue; pushing it to your laptop now.",
            "Checking the licence pool and will get back to you.",
        ),
        questions=("Is the free version enough, or do you need the paid features?",),
        answers=(
            "The paid one; I need to export to PDF.",
            "Free is fine, thanks.",
        ),
        resolutions=(
            "Installed {software}; you will find it in the start menu.",
            "Licence assigned and {software} activated.",
        ),
    ),
    Topic(
        kind="request",
        weight=6,
        priorities=(("low", 5), ("lowest", 1)),
        titles=(
            "Set up work email on my new phone",
            "Email stopped syncing on my phone",
        ),
        descriptions=(
            "I have {phone} and would like my work email and calendar on it.",
            "Email on my phone stopped updating after the weekend.",
        ),
        replies=(
            "Happy to help. You will need the company portal app first; I "
            "have sent you the link.",
        ),
        questions=("Have you installed the company portal app yet?",),
        answers=(
            "Yes, installed it this morning.",
            "Done now; it asked me to sign in again.",
        ),
        resolutions=(
            "Phone enrolled; mail and calendar are syncing.",
            "Removed and re-added the account; mail syncs again.",
        ),
    ),
    Topic(
        kind="incident",
        weight=7,
        priorities=(("medium", 4), ("high", 2)),
        titles=(
            "New phone, cannot approve sign-in prompts",
            "MFA codes are rejected",
            "Not getting the MFA prompt",
        ),
        descriptions=(
            "I changed phones and the authenticator app on the new one does "
            "not have my account, so I cannot sign in.",
            "Every code from the authenticator app is rejected as invalid.",
            "The sign-in page says a prompt was sent, but nothing arrives.",
        ),
        replies=("I will reset your second factor so you can register the new phone.",),
        questions=(
            "Are you near a laptop that is still signed in, so we can do the "
            "reset together?",
        ),
        answers=("Yes, at my desk now.", "I can be at my desk in ten minutes."),
        resolutions=(
            "Second factor reset and the new phone registered.",
            "The phone's clock was wrong, which broke the codes; set it to "
            "automatic and codes work again.",
        ),
    ),
    Topic(
        kind="request",
        weight=6,
        priorities=(("medium", 3), ("low", 3)),
        titles=("Access to {folder}", "Cannot open files in {folder}"),
        descriptions=(
            "Please give me access to {folder}; I am covering for a colleague.",
            "Files in {folder} say I do not have permission since yesterday.",
        ),
        replies=("Checking the folder's permissions now.",),
        questions=("Who owns {folder} and can approve the access?",),
        answers=(
            "My manager does; they are copied in.",
            "The team lead; I have asked them to reply here.",
        ),
        resolutions=(
            "Added you to the folder's group; it may take ten minutes to apply.",
        ),
    ),
    Topic(
        kind="incident",
        weight=6,
        priorities=(("low", 5), ("medium", 1)),
        titles=(
            "Second {device} not detected",
            "My {device} stopped working",
        ),
        descriptions=(
            "The {device} on my desk is not detected since I moved desks.",
            "My {device} stopped working this morning; I tried another cable.",
        ),
        replies=("I will bring a spare {device} to your desk to test.",),
        questions=("Which desk are you at now?",),
        answers=("Desk 3.14 on the third floor.", "The hot desks by the stairs."),
        resolutions=(
            "Swapped the {device}; the old one was faulty.",
            "Updated the dock's firmware and the {device} is detected.",
        ),
    ),
    Topic(
        kind="incident",
        weight=6,
        priorities=(("medium", 4), ("low", 2), ("high", 1)),
        titles=(
            "Nobody can hear me on video calls",
            "Camera not found in video calls",
        ),
        descriptions=(
            "In every video call people say my microphone is silent.",
            "The video call app says no camera was found, but it worked last week.",
        ),
        replies=("Thanks; let us check the device settings together.",),
        questions=(
            "Could you send a screenshot of the audio settings in the call app?",
        ),
        answers=("Screenshot attached.", "Sent it by chat just now."),
        resolutions=(
            "The app had picked the dock's microphone; set the headset as default.",
            "A privacy setting blocked the camera; allowed it again.",
        ),
    ),
    Topic(
        kind="incident",
        weight=4,
        priorities=(("high", 4), ("highest", 1), ("medium", 2)),
        titles=("Suspicious email asking for my password", "I clicked a phishing link"),
        descriptions=(
            "I received an email that looks like it comes from payroll, "
            "asking me to confirm my password on an odd website.",
            "I clicked a link in an email before noticing it was fake. I did "
            "not type anything.",
        ),
        replies=(
            "Thank you for reporting it quickly. Please do not open the email "
            "again; we are checking it now.",
        ),
        questions=("Did you type your password or any code on that page?",),
        answers=("No, I closed it straight away.", "No, nothing at all."),
        resolutions=(
            "The email was phishing; removed it from every mailbox and "
            "blocked the sender. No account was affected.",
            "Checked your sign-ins and reset your sessions as a precaution; "
            "nothing was compromised.",
        ),
    ),
    Topic(
        kind="request",
        weight=4,
        priorities=(("medium", 5), ("low", 1)),
        titles=("Account and laptop for a new starter", "New starter on {day}"),
        descriptions=(
            "A new colleague joins my team on {day}. They will need an "
            "account, a laptop and access to {app}.",
            "Please prepare an account and a laptop for our new starter, who "
            "starts on {day}.",
        ),
        replies=("Thanks for the notice; we will have everything ready.",),
        questions=("Which team and which manager should the account show?",),
        answers=(
            "Same team as me, and I am the manager.",
            "My team; I will be their manager.",
        ),
        resolutions=(
            "Account created and laptop prepared; the welcome pack is on your desk.",
        ),
        by_manager=True,
    ),
    Topic(
        kind="request",
        weight=2,
        priorities=(("medium", 4), ("high", 1)),
        titles=("Leaver: remove access", "Colleague leaving on {day}"),
        descriptions=(
            "A colleague in my team leaves on {day}. Please remove their "
            "access that evening and collect the laptop.",
        ),
        replies=("Noted; access will be removed at the end of that day.",),
        questions=("Should their mailbox be forwarded to you?",),
        answers=("Yes, forward it to me for a month.", "No forwarding, thanks."),
        resolutions=("Access removed, laptop collected and mailbox handled as asked.",),
        by_manager=True,
    ),
    Topic(
        kind="incident",
        weight=3,
        priorities=(("highest", 2), ("high", 3)),
        titles=("{app} is down for the whole team", "Cannot reach {app}"),
        descriptions=(
            "Nobody in my team can open {app}; it shows a server error.",
            "{app} is not loading for anyone in the office.",
        ),
        replies=("We are aware and working on it; next update within 30 minutes.",),
        questions=("Are you still seeing the error after a refresh?",),
        answers=("It loads again now.", "Still the same error."),
        resolutions=(
            "A full disk on the server stopped {app}; space freed and the "
            "service restarted.",
            "The vendor fixed an expired certificate; {app} is back.",
        ),
    ),
    Topic(
        kind="incident",
        weight=4,
        priorities=(("low", 4), ("medium", 1)),
        titles=("My mailbox is full", "Cannot send email: mailbox over quota"),
        descriptions=("I get a warning that my mailbox is full and emails bounce.",),
        replies=("I can turn on the online archive for you.",),
        questions=("Is it fine to archive email older than two years?",),
        answers=("Yes, that is fine.", "Please keep the last three years."),
        resolutions=("Online archive turned on; the mailbox is at 40% now.",),
    ),
    Topic(
        kind="incident",
        weight=5,
        priorities=(("low", 4), ("medium", 2)),
        titles=("Laptop is very slow", "Laptop freezes after lunch"),
        descriptions=(
            "My laptop takes ten minutes to start and freezes when I open {app}.",
            "Every afternoon my laptop freezes and I have to hold the power button.",
        ),
        replies=("Running a remote check on your laptop now.",),
        questions=("Can you leave the laptop on tonight so the updates can install?",),
        answers=("Will do.", "Left it on and plugged in."),
        resolutions=(
            "Installed the pending updates and removed an old sync tool; it "
            "starts in under a minute now.",
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
