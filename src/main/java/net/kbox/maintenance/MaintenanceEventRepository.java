package net.kbox.maintenance;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

interface MaintenanceEventRepository extends JpaRepository<MaintenanceEvent, Long> {

    Slice<MaintenanceEvent> findAllByOrderByOccurredAtDescIdDesc(Pageable pageable);

    Slice<MaintenanceEvent> findByCategoryOrderByOccurredAtDescIdDesc(EventCategory category, Pageable pageable);
}
