"""One page of a long public list (the case factor table, the force response log), and the arithmetic of paging."""
from __future__ import annotations

import math
from dataclasses import dataclass


def page_count(total: int, per_page: int) -> int:
    return max(1, math.ceil(total / per_page))


def within_pages(page: int, total: int, per_page: int) -> int:
    """The page asked for, kept between the first and the last."""
    return max(1, min(page, page_count(total, per_page)))


@dataclass
class Page:
    items: list
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return page_count(self.total, self.per_page)

    @property
    def first_index(self) -> int:
        return 0 if self.total == 0 else (self.page - 1) * self.per_page + 1

    @property
    def last_index(self) -> int:
        return min(self.total, self.page * self.per_page)

