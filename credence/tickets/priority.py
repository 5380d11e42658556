"""From two plain questions a worker can answer to a priority.

Workers should not have to know what "priority" means to IT. The portal asks
how many people are affected and whether they can keep working; impact and
urgency together give the priority. An answer of "not sure" rounds up: it
counts as the next answer up from the mildest, so an unsure worker is never
put behind one who was sure their problem was small.
"""

from enum import StrEnum


class Affected(StrEnum):
    JUST_ME = "just_me"
    SEVERAL = "several"
    MANY = "many"
    NOT_SURE = "not_sure"


class CanWork(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    NOT_SURE = "not_sure"


AFFECTED_LABELS = {
    Affected.JUST_ME: "Just me",
    Affected.SEVERAL: "A few people or my team",
    Affected.MANY: "Many people or everyone",
    Affected.NOT_SURE: "Not sure",
}

CAN_WORK_LABELS = {
    CanWork.YES: "Yes, it can wait a little",
    CanWork.PARTLY: "Partly, it slows me down",
    CanWork.NO: "No, I am blocked",
    CanWork.NOT_SURE: "Not sure",
}

_IMPACT = {
    Affected.JUST_ME: 0,
    Affected.SEVERAL: 1,
    Affected.MANY: 2,
    Affected.NOT_SURE: 1,
}
_URGENCY = {
    CanWork.YES: 0,
    CanWork.PARTLY: 1,
    CanWork.NO: 2,
    CanWork.NOT_SURE: 1,
}

# Rows: impact (just me, several, many); columns: urgency (yes, partly, no).
_MATRIX = (
    ("low", "medium", "high"),
    ("medium", "high", "highest"),
    ("high", "highest", "highest"),
)


def priority_from_answers(affected: Affected, can_work: CanWork) -> str:
    return _MATRIX[_IMPACT[affected]][_URGENCY[can_work]]
