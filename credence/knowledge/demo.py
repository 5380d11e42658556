"""The demo organisation's articles: the answers its IT team wrote down.

Each article answers one of the needs the demo's tickets are about (see
credence/demo/topics.py): signing in, the VPN, Wi-Fi, printers, laptops,
phones and MFA, access, email, video calls, phishing, joining and leaving.
A few are for the IT team only. Some were revised since they were written,
so they have versions, and some readers said whether they helped.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from credence.knowledge.articles import (
    ArticleText,
    answer_helpful,
    create_article,
    update_article,
)
from credence.knowledge.models import Audience
from credence.workers.models import Worker
from credence.workers.roles import is_agent

HELPFUL_SHARE = 0.7


@dataclass(frozen=True)
class Draft:
    slug: str
    title: str
    summary: str
    steps: tuple[str, ...]
    note: str = ""
    audience: str = Audience.WORKERS


DRAFTS = (
    Draft(
        "locked-out-of-your-account",
        "Locked out after too many password attempts",
        "Your account unlocks itself after 15 minutes; here is what to do meanwhile.",
        (
            "Wait 15 minutes without trying again: every attempt restarts the wait.",
            "Check that Caps Lock is off and that the keyboard layout is yours.",
            "Sign in once on the sign-in page before trying mail or the VPN.",
        ),
        "Still locked after 15 minutes? Ask for a password reset in the portal.",
    ),
    Draft(
        "reset-your-password",
        "Reset a forgotten password",
        "Choose a new password yourself from the sign-in page.",
        (
            "On the sign-in page choose **Forgot password**.",
            "Enter your work address; a code arrives on your registered phone.",
            "Pick a new passphrase of at least 14 characters, three or four "
            "unrelated words work well.",
            "Sign in again on your laptop and phone with the new password.",
        ),
    ),
    Draft(
        "password-expired-after-leave",
        "My password expired while I was away",
        "Change an expired password before signing in to anything else.",
        (
            "Connect to the office network or the VPN first.",
            "Sign in on the sign-in page; it asks for the old and the new password.",
            "Lock and unlock your laptop so it learns the new password.",
        ),
    ),
    Draft(
        "choose-a-strong-passphrase",
        "Choose a strong passphrase",
        "Long and unique beats short and clever.",
        (
            "Use at least 14 characters; a few unrelated words are easy to type.",
            "Never reuse a work password anywhere else.",
            "Keep passwords in the company password manager, not in a file.",
        ),
    ),
    Draft(
        "connect-to-the-vpn",
        "Connect to the VPN from home",
        "Install the VPN client and sign in with your work account and MFA.",
        (
            "Open the **VPN** client from the system tray or menu bar.",
            "Choose the nearest gateway and sign in with your work account.",
            "Approve the prompt on your phone's authenticator app.",
        ),
        "Hotel and café networks sometimes block the VPN; try your phone's hotspot.",
    ),
    Draft(
        "vpn-keeps-dropping",
        "The VPN keeps disconnecting",
        "Fix a VPN connection that drops every few minutes.",
        (
            "Move closer to your router or use a cable: weak Wi-Fi drops the tunnel.",
            "Switch the client to the TCP protocol in its settings.",
            "Update the VPN client; old versions lose the connection after sleep.",
        ),
    ),
    Draft(
        "vpn-certificate-not-trusted",
        "VPN says the certificate is not trusted",
        "The laptop's clock or its certificates are out of date.",
        (
            "Check that the laptop's date, time and time zone are right.",
            "Restart the laptop on the office network so it fetches new certificates.",
        ),
        "Never accept an untrusted certificate: report it if the warning stays.",
    ),
    Draft(
        "wifi-keeps-dropping",
        "Office Wi-Fi keeps dropping",
        "What to try when the wireless connection drops in a meeting room.",
        (
            "Forget the **Office** network and join it again.",
            "Turn off Bluetooth devices you do not use; they share the radio.",
            "Note the room and the time and tell us: we check that access point.",
        ),
    ),
    Draft(
        "join-the-office-wifi",
        "Join the office Wi-Fi",
        "Laptops join **Office**; phones and guests join **Office-Guest**.",
        (
            "Choose **Office** in the Wi-Fi list.",
            "Sign in with your work account; accept the company certificate.",
            "Guests get a daily guest password from reception.",
        ),
    ),
    Draft(
        "laptop-battery-drains",
        "Laptop battery drains fast",
        "Make the battery last a working day, and know when to replace it.",
        (
            "Lower the screen brightness and close apps you are not using.",
            "Check the battery health in the system settings.",
            "Under 60% health the battery is worn: ask for a replacement.",
        ),
    ),
    Draft(
        "laptop-is-slow",
        "My laptop is slow or freezes",
        "Most slow laptops need a restart, updates and free disk space.",
        (
            "Restart: many laptops have not been restarted for weeks.",
            "Install pending updates and restart again.",
            "Free disk space: keep at least 20 GB free.",
            "If it still freezes, ask for help; memory or disk may be failing.",
        ),
    ),
    Draft(
        "replace-a-laptop",
        "Get a laptop repaired or replaced",
        "Broken hinge, dead keys or a worn battery: how a replacement works.",
        (
            "Ask for new or replacement hardware in the portal and say what broke.",
            "Back up anything not in your cloud folders.",
            "We prepare the new laptop; you return the old one when you collect it.",
        ),
    ),
    Draft(
        "keyboard-types-wrong-characters",
        "Keyboard types the wrong characters",
        "Usually the keyboard layout changed by a shortcut.",
        (
            "Look at the language indicator next to the clock.",
            "Switch back to your layout; remove layouts you do not use.",
            "Keys that do not respond at all need a repair: ask for hardware.",
        ),
    ),
    Draft(
        "request-application-access",
        "Ask for access to an application",
        "Access requests go to the application's owner for approval.",
        (
            "Choose **Access to an application** in the portal.",
            "Pick the application and the role you need.",
            "Your manager or the application's owner approves; we grant it.",
        ),
    ),
    Draft(
        "shared-folder-access",
        "Open a shared team folder",
        "Shared drives are granted to teams; ask for your team's folder.",
        (
            "Check that you are signed in with your work account.",
            "Ask for access to the folder in the portal, naming the folder.",
            "After access is granted, sign out and in again to see it.",
        ),
    ),
    Draft(
        "printer-paper-jam",
        "Clear a paper jam on the office printers",
        "Open the side door and pull the sheet out in the direction it travels.",
        (
            "Open the door the printer's screen shows.",
            "Pull the jammed sheet out slowly with both hands.",
            "Fan the paper in the tray before closing it.",
        ),
        "A printer that keeps jamming needs a service visit: tell us which one.",
    ),
    Draft(
        "add-the-office-printer",
        "Print to the office printers",
        "Add the follow-me print queue once; print from any floor.",
        (
            "Open the printers settings and add **FollowMe**.",
            "Print as usual, then tap your badge on any printer to release it.",
        ),
    ),
    Draft(
        "printer-blank-pages",
        "Printer prints blank or streaky pages",
        "Toner and drum problems, and what you can check.",
        (
            "Check the toner level on the printer's screen.",
            "Print a test page from the printer itself.",
            "Blank test page: report the printer so we replace the toner.",
        ),
    ),
    Draft(
        "install-software",
        "Install software",
        "Approved software installs from the Software Centre; other tools "
        "need a request.",
        (
            "Open **Software Centre** and search for the tool.",
            "Not listed? Ask for a software install in the portal; say why you "
            "need it.",
            "Paid tools need a licence approved by your manager.",
        ),
    ),
    Draft(
        "email-on-your-phone",
        "Set up work email on your phone",
        "Use the company's mail app and sign in with MFA.",
        (
            "Install the mail app from your phone's app store.",
            "Sign in with your work address and approve the MFA prompt.",
            "Allow the device policy; it protects the mail if the phone is lost.",
        ),
    ),
    Draft(
        "mfa-on-a-new-phone",
        "Move MFA to a new phone",
        "Move the authenticator before you wipe the old phone, so you can "
        "still approve sign-in prompts.",
        (
            "On the old phone, open the authenticator and export the accounts.",
            "On the new phone, install the authenticator and import them.",
            "Old phone already gone? Ask for an MFA reset; we check who you are.",
        ),
    ),
    Draft(
        "mfa-codes-rejected",
        "MFA codes are rejected or no prompt arrives",
        "Codes depend on the phone's clock; prompts on its notifications.",
        (
            "Set the phone's date and time to automatic.",
            "Allow notifications for the authenticator app.",
            "Use a code from the app when the prompt does not arrive.",
        ),
    ),
    Draft(
        "second-monitor-not-detected",
        "Second monitor or docking station not detected",
        "Reconnect in the right order and update the dock.",
        (
            "Unplug the dock from the laptop, wait ten seconds, plug it in again.",
            "Check the monitor's input source.",
            "Open the display settings and choose **Extend**.",
        ),
    ),
    Draft(
        "video-call-audio-camera",
        "Nobody hears me, or no camera, in video calls",
        "Pick the right microphone and camera in the call app.",
        (
            "In the call, open the audio settings and pick your headset.",
            "Close other apps that use the camera.",
            "Check the privacy settings allow the call app to use camera and mic.",
        ),
    ),
    Draft(
        "report-phishing",
        "Report a suspicious email",
        "Report it with the **Report phishing** button; never reply or click.",
        (
            "Do not click links or open attachments.",
            "Use **Report phishing** in the mail app.",
            "Clicked already? Change your password and tell us right away.",
        ),
    ),
    Draft(
        "mailbox-full",
        "Mailbox full: cannot send email",
        "Free space by emptying deleted items and archiving old mail.",
        (
            "Empty **Deleted items** and **Junk**.",
            "Sort by size and delete or archive large attachments.",
            "Turn on the online archive in the mail settings.",
        ),
    ),
    Draft(
        "new-starter-checklist",
        "Prepare for a new starter",
        "Managers: ask two weeks ahead so the laptop and accounts are ready.",
        (
            "Ask for an account and laptop for a new starter in the portal.",
            "Name the team, the start date and the applications they need.",
            "On the first day they collect the laptop at the IT desk.",
        ),
    ),
    Draft(
        "someone-is-leaving",
        "Someone is leaving the team",
        "Tell us the last day so access ends on time and equipment comes back.",
        (
            "Ask for a leaver in the portal with the last working day.",
            "Move shared files they own to the team's shared drive.",
            "They return laptop, badge and accessories on the last day.",
        ),
    ),
    Draft(
        "application-down",
        "An application is down for the team",
        "Check the status page, then tell us once for the whole team.",
        (
            "Look at the status page for a known outage.",
            "If it is not listed, report it once, saying how many people it affects.",
        ),
    ),
    Draft(
        "desk-mfa-reset-procedure",
        "Resetting a worker's MFA",
        "Identity checks before any MFA reset.",
        (
            "Call the worker back on the number in the directory, never one they give.",
            "Ask their manager to confirm in the ticket.",
            "Reset the factor and ask them to enrol again while on the call.",
        ),
        audience=Audience.AGENTS,
    ),
    Draft(
        "desk-printer-service",
        "Booking a printer service visit",
        "When a printer jams repeatedly or prints blank pages with new toner.",
        (
            "Note the printer's asset tag and its error code.",
            "Log the call with the vendor and put their case number in the ticket.",
        ),
        audience=Audience.AGENTS,
    ),
    Draft(
        "desk-leaver-access",
        "Removing a leaver's access",
        "The order in which access is removed on the last day.",
        (
            "Disable sign-in at the end of the last day.",
            "Transfer mailbox and files to the manager.",
            "Remove application roles and record the returned equipment.",
        ),
        audience=Audience.AGENTS,
    ),
)


def _body(draft: Draft) -> str:
    steps = "\n".join(f"{n}. {step}" for n, step in enumerate(draft.steps, 1))
    parts = [draft.summary, "## What to do", steps]
    if draft.note:
        parts.append(f"> {draft.note}")
    return "\n\n".join(parts) + "\n"


def add_to_demo(
    rng: random.Random, people: dict[str, Worker], today: date, now: datetime
) -> None:
    team = [people[name] for name in sorted(people) if is_agent(people[name])]
    readers = [people[name] for name in sorted(people) if not is_agent(people[name])]
    for draft in DRAFTS:
        written = now - timedelta(days=rng.randint(60, 400), hours=rng.randint(0, 8))
        owner = rng.choice(team) if team else None
        article = create_article(
            ArticleText(
                title=draft.title,
                body=_body(draft),
                summary=draft.summary,
                audience=draft.audience,
                slug=draft.slug,
                owner=owner,
            ),
            actor=None,
            at=written,
        )
        if rng.random() < 0.3:
            revised = written + timedelta(days=rng.randint(5, 50))
            update_article(
                article,
                ArticleText(
                    title=draft.title,
                    body=_body(draft) + "\nUpdated after questions from readers.\n",
                    summary=draft.summary,
                    audience=draft.audience,
                ),
                actor=owner,
                at=revised,
            )
        if draft.audience != Audience.WORKERS:
            continue
        for reader in rng.sample(readers, min(len(readers), rng.randint(0, 6))):
            answer_helpful(article, reader, rng.random() < HELPFUL_SHARE, at=now)
