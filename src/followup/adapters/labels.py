"""The Follow-up label tree in Gmail, kept alive whatever the user does to it.

Label ids are cached in the store, so an idle poll never calls labels.list. They are
resolved once per process, and only when a label is about to be applied: a label the user
renamed keeps its id (we respect the new name: the user chose it); a label the user deleted
is created again. A 404/400 while applying means the id went stale meanwhile: resolve
again and retry once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence

from followup.core.model import LabelRole
from followup.errors import BadRequest, Conflict, NotFound
from followup.ports import Mailbox, Store

log = logging.getLogger(__name__)

DEFAULT_LABEL_NAMES: Mapping[LabelRole, str] = {
    LabelRole.READY: "Follow-up/Ready",
    LabelRole.WAITING: "Follow-up/Waiting",
    LabelRole.CLOSED: "Follow-up/Closed",
}


class LabelKeeper:
    """Creates, re-resolves and applies followup's labels. Not thread-safe."""

    def __init__(
        self, mailbox: Mailbox, store: Store, names: Mapping[LabelRole, str] = DEFAULT_LABEL_NAMES
    ) -> None:
        self._mailbox = mailbox
        self._store = store
        self._names = dict(names)
        self._ids: dict[LabelRole, str] | None = None

    def ids(self) -> dict[LabelRole, str]:
        """Role -> Gmail label id, resolving (once per process) before first use."""
        if self._ids is None:
            self.resolve()
        assert self._ids is not None
        return self._ids

    def resolve(self) -> dict[LabelRole, str]:
        """Check the cached ids against labels.list; create what is missing."""
        cached = self._store.label_ids()
        existing = self._mailbox.list_labels()
        by_id = {label.id: label for label in existing}
        by_name = {label.name.lower(): label for label in existing}
        resolved: dict[LabelRole, str] = {}
        for role, name in self._names.items():
            old_id = cached.get(role.value)
            if old_id and old_id not in by_id:
                self._forget_threads()
            if old_id and old_id in by_id:
                if by_id[old_id].name != name:
                    log.info("labels.renamed_by_user role=%s name=%r", role, by_id[old_id].name)
                resolved[role] = old_id
            elif name.lower() in by_name:
                resolved[role] = by_name[name.lower()].id
            else:
                resolved[role] = self._create(name)
                if old_id:
                    log.warning("labels.recreated role=%s name=%r", role, name)
        self._store.set_label_ids({role.value: label_id for role, label_id in resolved.items()})
        self._ids = resolved
        return resolved

    def _forget_threads(self) -> None:
        """A label of ours vanished: what we remember about threads' labels is stale."""
        self._store.clear_thread_labels()

    def _create(self, name: str) -> str:
        try:
            return self._mailbox.create_label(name).id
        except Conflict:
            # Created meanwhile (another client, or a name differing only in case).
            for label in self._mailbox.list_labels():
                if label.name.lower() == name.lower():
                    return label.id
            raise

    def apply(
        self, thread_ids: Iterable[str], role: LabelRole, *, also_add: Sequence[str] = ()
    ) -> int:
        """Put ``role``'s label on each thread and take our other labels off; returns count.

        One thread at a time: a deleted thread is skipped and logged, never fails the rest.
        """
        done = 0
        for thread_id in thread_ids:
            if not also_add and self._store.thread_label(thread_id) == role.value:
                continue  # already there: a label move costs 10 units, skip the no-op
            if self._modify(thread_id, role, also_add, retry=True):
                self._store.set_thread_label(thread_id, role.value)
                done += 1
        return done

    def _modify(
        self, thread_id: str, role: LabelRole, also_add: Sequence[str], *, retry: bool
    ) -> bool:
        ids = self.ids()
        add = [ids[role], *also_add]
        remove = [label_id for other, label_id in ids.items() if other != role]
        try:
            self._mailbox.modify_thread(thread_id, add=add, remove=remove)
        except (NotFound, BadRequest) as exc:
            if retry:
                # Either the thread is gone or one of our labels was deleted: find out.
                self.resolve()
                return self._modify(thread_id, role, also_add, retry=False)
            log.info("labels.thread_skipped thread=%s error=%s", thread_id, exc)
            return False
        return True
