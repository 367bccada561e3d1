/**
 * Fictional Indonesian names in the mix of a North-Sumatran kabupaten (Malay, Javanese, Batak,
 * Karo, Minang, Sundanese). Combinations are random, so no real person is meant.
 */
export const MALE_FIRST_NAMES = [
  'Ahmad', 'Agus', 'Andi', 'Arif', 'Bambang', 'Budi', 'Dedi', 'Dimas', 'Eko', 'Fajar',
  'Fauzi', 'Gilang', 'Hadi', 'Hendra', 'Irfan', 'Joko', 'Kurnia', 'Lukman', 'Muhammad', 'Nanda',
  'Rahmat', 'Rizky', 'Sugeng', 'Teguh', 'Wahyu', 'Yusuf', 'Zulkifli', 'Ilham', 'Taufik', 'Syahrial',
  'Ramadhan', 'Iqbal', 'Heru', 'Slamet', 'Suprapto', 'Darmawan', 'Rudi', 'Edi', 'Firman', 'Galih',
  'Hasan', 'Imam', 'Jefri', 'Khairul', 'Mulyadi', 'Nasrul', 'Parlindungan', 'Ridwan', 'Sahat', 'Tigor',
  'Yoga', 'Zainal', 'Aditya', 'Bayu', 'Candra', 'Dodi', 'Erwin', 'Faisal', 'Guntur', 'Harun',
  'Indra', 'Jamal', 'Kevin', 'Leo', 'Marihot', 'Nurdin', 'Oktavianus', 'Poltak', 'Rosihan', 'Sutrisno',
  'Tumpal', 'Usman', 'Victor', 'Wawan', 'Yudi', 'Azhar', 'Bonar', 'Dani', 'Efendi', 'Rinaldi',
] as const;

export const FEMALE_FIRST_NAMES = [
  'Ani', 'Ayu', 'Bunga', 'Citra', 'Dewi', 'Dian', 'Eka', 'Endang', 'Fitri', 'Indah',
  'Intan', 'Juliana', 'Kartika', 'Lestari', 'Lina', 'Maya', 'Mega', 'Nia', 'Novita', 'Nur',
  'Putri', 'Ratna', 'Rina', 'Rini', 'Sari', 'Sinta', 'Siti', 'Sri', 'Tuti', 'Wati',
  'Yanti', 'Yuni', 'Anisa', 'Desi', 'Elvi', 'Farida', 'Hartati', 'Ika', 'Irma', 'Julia',
  'Kiki', 'Lely', 'Marlina', 'Nurhayati', 'Oktaviani', 'Purnama', 'Rahma', 'Rosmawati', 'Sartika', 'Tiara',
  'Ulfa', 'Vera', 'Wulan', 'Yusnita', 'Zahra', 'Aisyah', 'Butet', 'Cut', 'Debora', 'Ernawati',
  'Fransiska', 'Gita', 'Hana', 'Ida', 'Jelita', 'Kurniati', 'Melati', 'Nadia', 'Rosita', 'Suryani',
] as const;

export const MALE_SECOND_NAMES = [
  'Saputra', 'Pratama', 'Hidayat', 'Kurniawan', 'Setiawan', 'Wibowo', 'Santoso', 'Prasetyo', 'Nugroho', 'Firmansyah',
  'Hakim', 'Syahputra', 'Ramadhan', 'Gunawan', 'Susanto', 'Hermawan', 'Siswanto', 'Sembiring', 'Nasution', 'Siregar',
  'Lubis', 'Harahap', 'Hasibuan', 'Simanjuntak', 'Sitompul', 'Pohan', 'Tanjung', 'Ginting', 'Tarigan', 'Sinaga',
  'Situmorang', 'Pasaribu', 'Panjaitan', 'Manurung', 'Purba', 'Saragih', 'Damanik', 'Batubara', 'Daulay', 'Rangkuti',
  'Ritonga', 'Matondang', 'Sitepu', 'Effendi', 'Maulana', 'Rahman', 'Fadillah', 'Hutagalung', 'Munthe', 'Sihombing',
] as const;

export const FEMALE_SECOND_NAMES = [
  'Lestari', 'Wulandari', 'Rahmawati', 'Puspitasari', 'Handayani', 'Safitri', 'Anggraini', 'Maharani', 'Permatasari', 'Kusumawati',
  'Saputri', 'Utami', 'Susanti', 'Yuliani', 'Nasution', 'Siregar', 'Lubis', 'Harahap', 'Hasibuan', 'Simanjuntak',
  'Ginting', 'Tarigan', 'Sembiring', 'Sinaga', 'Pasaribu', 'Purba', 'Damanik', 'Batubara', 'Daulay', 'Pohan',
  'Sari', 'Amelia', 'Fitriani', 'Rahayu', 'Oktaviani', 'Novitasari', 'Ningsih', 'Hutapea', 'Manurung', 'Tampubolon',
] as const;
