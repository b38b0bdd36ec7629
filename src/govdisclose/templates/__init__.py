"""Templates: blank reports ready to fill, and the known lists of disclosure categories.

This package stands on :mod:`govdisclose.model` (and :mod:`govdisclose.zh`): a blank report is an ordinary report.

>>> from govdisclose.templates import new_report
>>> new_report(edition="2021", agency="示例县教育局", year=2024).display_title
'示例县教育局2024年政府信息公开工作年度报告'
"""

from ._blank import FEE_HEADING, NATIONAL_FORM_FIRST_YEAR, OVERVIEW_HEADINGS, PRE_2019_HEADINGS, new_report
from ._categories import CategoryList, CategoryRegistry, default_categories, normalize_category

__all__ = [
    "FEE_HEADING",
    "NATIONAL_FORM_FIRST_YEAR",
    "OVERVIEW_HEADINGS",
    "PRE_2019_HEADINGS",
    "CategoryList",
    "CategoryRegistry",
    "default_categories",
    "new_report",
    "normalize_category",
]
