"""Agency scopes: the organs a rule applies to, by region, level or role.

A rule of a province's reviewers may apply only to its townships; a plugin's rule only to governments. The scope is on
the rule itself (:attr:`Rule.agencies <govdisclose.checks.Rule.agencies>`) or given by a profile (``[scope."rule"]``,
which wins); a rule outside its scope is skipped, and the coverage says why.

>>> from govdisclose.model import Agency, AgencyRole
>>> scope = AgencyScope(region="平潭", role=AgencyRole.GOVERNMENT)
>>> scope.matches(Agency(name="平潭综合实验区管理委员会", role=AgencyRole.GOVERNMENT)), scope.words()
(True, '平潭、government')
"""

from __future__ import annotations

import attrs

from ..model import Agency, AgencyLevel, AgencyRole

__all__ = ["AgencyScope"]


@attrs.frozen(kw_only=True)
class AgencyScope:
    """Which organs a rule applies to; every condition given must hold.

    Attributes:
        region: A place name the organ's name or parent contains (``平潭``, ``福建省``).
        level: Its administrative level.
        role: Government or department.
    """

    region: str | None = None
    level: AgencyLevel | None = None
    role: AgencyRole | None = None

    def matches(self, agency: Agency) -> bool:
        """Whether *agency* is in scope (an unknown level or role is out of a scope that names one)."""
        if self.region is not None and self.region not in agency.name and self.region not in (agency.parent or ""):
            return False
        if self.level is not None and agency.level is not self.level:
            return False
        return self.role is None or agency.role is self.role

    def words(self) -> str:
        """The scope in words, for the coverage: ``平潭、乡镇街道``."""
        parts = [self.region, self.level.value if self.level else None, self.role.value if self.role else None]
        return "、".join(part for part in parts if part is not None)
